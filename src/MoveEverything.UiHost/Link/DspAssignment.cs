using MoveEverything.Ipc;
using MoveEverything.Modules.Capabilities;

namespace MoveEverything.UiHost.Link;

/// <summary>
/// Command: load the DSP of module <paramref name="ModuleId"/> (file <paramref name="DspPath"/>) into
/// <paramref name="Target"/>, or clear the target when <paramref name="DspPath"/> is null.
/// <paramref name="GrantMailboxAccess"/> asks the engine to fill host_api_v1_t.mapped_memory; it is true only
/// when the gate granted <see cref="UnsafeCapability.HardwareMailbox"/> (built through <see cref="Load"/>).
/// <paramref name="Trusted"/> is the Health layer's trust verdict (TrustPolicy): with the engine's isolation mode
/// "untrusted" only a trusted native module runs in the engine process. <paramref name="ModuleVersion"/> is the
/// version the load counts for in the module's trust record.
/// </summary>
public sealed record DspAssignment(DspTarget Target, string? ModuleId, string? DspPath, bool GrantMailboxAccess = false,
    bool Trusted = false, string? ModuleVersion = null)
{
    public static DspAssignment Clear(DspTarget target) => new(target, null, null);

    /// <summary>The flags this load carries to the engine (<see cref="EngineCommand.LoadPlugin"/>).</summary>
    public LoadFlags Flags => (GrantMailboxAccess ? LoadFlags.GrantMailbox : LoadFlags.None) | (Trusted ? LoadFlags.Trusted : LoadFlags.None);

    /// <summary>A load carrying exactly the native fields <paramref name="granted"/> unlocks (CapabilitySurfaces) and the trust verdict.</summary>
    public static DspAssignment Load(DspTarget target, string moduleId, string dspPath, CapabilitySet granted,
        bool trusted = false, string? moduleVersion = null) =>
        new(target, moduleId, dspPath,
            CapabilitySurfaces.RequiredForNativeField("mapped_memory") is { } needed && granted.Contains(needed), trusted, moduleVersion);
}
