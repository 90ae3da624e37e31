namespace MoveEverything.Modules.Capabilities;

/// <summary>
/// Which host functions and plugin fields each unsafe capability gates (schwung-spec §2.3, §3.5).
/// Invariants (tested): one surface per capability; a function or field is gated by at most one
/// capability; anything not listed here is safe and always available.
/// </summary>
public static class CapabilitySurfaces
{
    private static readonly string[] FileFunctions =
    [
        "host_read_file", "host_read_file_base64", "host_write_file", "host_file_exists", "host_ensure_dir",
        "host_remove_dir", "host_extract_tar", "host_extract_tar_strip",
    ];

    public static IReadOnlyList<CapabilitySurface> All { get; } =
    [
        new(UnsafeCapability.RawMidi, [], [], [], "pad and knob MIDI reaches the module without velocity/aftertouch transforms; knob touches pass"),
        new(UnsafeCapability.RawUi, [], [], [], "the Back button is delivered to the module instead of leaving it"),
        new(UnsafeCapability.ClaimsMasterKnob, [], [], [], "the volume knob (CC 79) is delivered to the module instead of setting the output volume"),
        new(UnsafeCapability.ButtonPassthrough, [], [], [], "the listed CCs reach the Move firmware while the module has the controls"),
        new(UnsafeCapability.HardwareMailbox, [], ["mapped_memory"], [], null),
        new(UnsafeCapability.InjectMoveMidi, ["move_midi_inject_to_move"], ["midi_inject_to_move"], [], null),
        new(UnsafeCapability.FilesOutsideModule, [], [], FileFunctions, null),
        new(UnsafeCapability.Network, ["host_http_download", "host_http_download_background", "host_http_request_background"], [], [], null),
        new(UnsafeCapability.SpawnProcesses, ["host_system_cmd"], [], [], null),
    ];

    private static readonly Dictionary<string, UnsafeCapability> ByJsFunction =
        All.SelectMany(g => g.UnlocksJs.Select(f => (f, g.Capability))).ToDictionary(x => x.f, x => x.Capability, StringComparer.Ordinal);

    private static readonly Dictionary<string, UnsafeCapability> ByNativeField =
        All.SelectMany(g => g.UnlocksNative.Select(f => (f, g.Capability))).ToDictionary(x => x.f, x => x.Capability, StringComparer.Ordinal);

    public static CapabilitySurface For(UnsafeCapability capability) => All[(int)capability];

    /// <summary>The capability a JS host function needs to be installed at all; null = always installed.</summary>
    public static UnsafeCapability? RequiredForJsFunction(string name) =>
        ByJsFunction.TryGetValue(name, out var c) ? c : null;

    /// <summary>The capability a host_api_v1_t field needs to be non-NULL; null = always set.</summary>
    public static UnsafeCapability? RequiredForNativeField(string field) =>
        ByNativeField.TryGetValue(field, out var c) ? c : null;

    /// <summary>True when <paramref name="name"/> is a file function confined to the module folder unless files_outside_module is granted.</summary>
    public static bool IsConfinedFileFunction(string name) => FileFunctions.Contains(name, StringComparer.Ordinal);

    /// <summary>The JS host functions a module with <paramref name="granted"/> may see, out of <paramref name="offered"/>.</summary>
    public static IEnumerable<string> VisibleJsFunctions(IEnumerable<string> offered, CapabilitySet granted) =>
        offered.Where(f => RequiredForJsFunction(f) is not { } c || granted.Contains(c));
}
