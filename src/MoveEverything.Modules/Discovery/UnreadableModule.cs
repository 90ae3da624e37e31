using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Discovery;

/// <summary>A module folder whose module.json yielded no manifest (not JSON, no id…); the menu shows it with the reason.</summary>
public sealed record UnreadableModule(string Folder, ModuleSource Source, IReadOnlyList<ManifestDiagnostic> Diagnostics)
{
    /// <summary>The folder name, the best name we have.</summary>
    public string FolderName => Path.GetFileName(Folder);

    /// <summary>The first error, for a one-line display.</summary>
    public string Reason => Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Message ?? "unreadable module.json";
}
