namespace MoveEverything.Modules.Capabilities;

/// <summary>
/// The catalogue of unsafe capabilities: names, consent texts, legacy flags. One entry per
/// <see cref="UnsafeCapability"/> value (a test checks it), names unique and snake_case.
/// </summary>
public static class UnsafeCapabilities
{
    /// <summary>Shown with every consent for a module with native code: we cannot sandbox it in-process.</summary>
    public const string NativeCodeNotice =
        "This module runs native code. Native code cannot be sandboxed inside the audio engine, so modules with " +
        "unsafe capabilities and native code run isolated in their own process by default.";

    public static IReadOnlyList<UnsafeCapabilityInfo> All { get; } =
    [
        new(UnsafeCapability.RawMidi, "raw_midi", "Raw pad and knob MIDI",
            "Receives pad and knob MIDI exactly as played, without velocity curves, including knob touches.", "raw_midi"),
        new(UnsafeCapability.RawUi, "raw_ui", "Takes the Back button",
            "The Back button goes to the module instead of returning to the menu. The escape combination Shift + volume touch + jog click still works.", "raw_ui"),
        new(UnsafeCapability.ClaimsMasterKnob, "claims_master_knob", "Takes the volume knob",
            "The master volume knob controls the module instead of the output volume.", "claims_master_knob"),
        new(UnsafeCapability.ButtonPassthrough, "button_passthrough", "Passes buttons to Move",
            "Chosen buttons reach the Move's own software while the module has the controls.", "button_passthrough"),
        new(UnsafeCapability.HardwareMailbox, "hardware_mailbox", "Direct hardware access",
            "Reads and writes the memory shared with the Move hardware (audio, MIDI, display). A faulty module could corrupt what the Move plays or shows.", null),
        new(UnsafeCapability.InjectMoveMidi, "inject_move_midi", "Plays the Move for you",
            "Sends MIDI into the Move's own software as if pads or buttons were pressed.", null),
        new(UnsafeCapability.FilesOutsideModule, "files_outside_module", "Files outside its folder",
            "Reads and writes files anywhere the host may, not only in its own folder: your sets and samples included.", null),
        new(UnsafeCapability.Network, "network", "Network access",
            "Connects to other computers on your network or the internet.", null),
        new(UnsafeCapability.SpawnProcesses, "spawn_processes", "Starts other programs",
            "Starts other programs on the Move, which run outside the host's control.", "forks_processes"),
    ];

    private static readonly Dictionary<string, UnsafeCapabilityInfo> ByName =
        All.ToDictionary(i => i.Name, StringComparer.Ordinal);

    public static UnsafeCapabilityInfo Info(UnsafeCapability capability) => All[(int)capability];

    public static string NameOf(UnsafeCapability capability) => Info(capability).Name;

    /// <summary>Looks a module.json / command-line name up (exact, case-sensitive).</summary>
    public static bool TryParse(string? name, out UnsafeCapability capability)
    {
        capability = default;
        if (name is null || !ByName.TryGetValue(name, out var info)) return false;
        capability = info.Capability;
        return true;
    }

    public static IEnumerable<string> Names => All.Select(i => i.Name);
}
