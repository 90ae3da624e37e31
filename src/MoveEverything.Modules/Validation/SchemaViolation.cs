namespace MoveEverything.Modules.Validation;

/// <summary>One place where a module.json does not match schema/module.schema.json.</summary>
/// <param name="Path">JSON path of the offending value (<c>$.capabilities.midi_in</c>; <c>$</c> = the whole file).</param>
/// <param name="Message">What the schema expected there.</param>
public sealed record SchemaViolation(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
