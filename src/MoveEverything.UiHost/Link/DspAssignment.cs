using MoveEverything.Modules.Capabilities;

namespace MoveEverything.UiHost.Link;

/// <summary>
/// Command: load the DSP of module <paramref name="ModuleId"/> (file <paramref name="DspPath"/>) into
/// <paramref name="Target"/>, or clear the target when <paramref name="DspPath"/> is null.
/// <paramref name="GrantMailboxAccess"/> asks the engine to fill host_api_v1_t.mapped_memory; it is true only
/// when the gate granted <see cref="UnsafeCapability.HardwareMailbox"/> (built through <see cref="Load"/>).
/// </summary>
public sealed record DspAssignment(DspTarget Target, string? ModuleId, string? DspPath, bool GrantMailboxAccess = false)
{
    public static DspAssignment Clear(DspTarget target) => new(target, null, null);

    /// <summary>A load carrying exactly the native fields <paramref name="granted"/> unlocks (CapabilitySurfaces).</summary>
    public static DspAssignment Load(DspTarget target, string moduleId, string dspPath, CapabilitySet granted) =>
        new(target, moduleId, dspPath,
            CapabilitySurfaces.RequiredForNativeField("mapped_memory") is { } needed && granted.Contains(needed));
}
