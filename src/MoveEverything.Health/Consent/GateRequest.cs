using MoveEverything.Modules.Capabilities;

namespace MoveEverything.Health.Consent;

/// <summary>What the gate needs to know about a module about to start: its id and version, the unsafe
/// capabilities its manifest requires (<see cref="CapabilityResolver"/>: declared names plus legacy flags),
/// and whether it ships with the host.</summary>
public sealed record GateRequest(string ModuleId, string ModuleVersion, CapabilitySet UnsafeCapabilities, bool IsBuiltIn = false);
