namespace MoveEverything.UiHost.Scripting;

/// <summary>Thrown by the module loader inside Jint for an unresolvable or refused import; the boundary maps it to <see cref="ScriptFault.MissingImport"/>.</summary>
public sealed class ModuleImportException(string specifier, string detail)
    : Exception($"cannot import '{specifier}': {detail}")
{
    public string Specifier { get; } = specifier;
    public string Detail { get; } = detail;
}
