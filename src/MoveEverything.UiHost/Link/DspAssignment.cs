namespace MoveEverything.UiHost.Link;

/// <summary>
/// Command: load the DSP of module <paramref name="ModuleId"/> (file <paramref name="DspPath"/>) into
/// <paramref name="Target"/>, or clear the target when <paramref name="DspPath"/> is null.
/// </summary>
public sealed record DspAssignment(DspTarget Target, string? ModuleId, string? DspPath)
{
    public static DspAssignment Clear(DspTarget target) => new(target, null, null);
}
