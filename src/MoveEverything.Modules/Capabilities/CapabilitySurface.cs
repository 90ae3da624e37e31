namespace MoveEverything.Modules.Capabilities;

/// <summary>
/// What granting one unsafe capability changes in the host API: the data the UI host and the
/// engine enforce (a function or field not granted is absent — undefined in JS, NULL in C).
/// </summary>
/// <param name="Capability">The capability.</param>
/// <param name="UnlocksJs">JS host functions installed on globalThis only when granted.</param>
/// <param name="UnlocksNative">host_api_v1_t fields set only when granted (NULL otherwise).</param>
/// <param name="WidensJs">JS host functions always present but confined to the module's own folder unless granted.</param>
/// <param name="Behaviour">Routing the host changes when granted (input transforms, button capture), for capabilities that gate no function.</param>
public sealed record CapabilitySurface(
    UnsafeCapability Capability,
    IReadOnlyList<string> UnlocksJs,
    IReadOnlyList<string> UnlocksNative,
    IReadOnlyList<string> WidensJs,
    string? Behaviour);
