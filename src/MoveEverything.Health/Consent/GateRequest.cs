namespace MoveEverything.Health.Consent;

/// <summary>What the gate needs to know about a module about to start: its id and version, the unsafe
/// capabilities its manifest declares (names as the manifest spells them), and whether it ships with the host.</summary>
public sealed record GateRequest(string ModuleId, string ModuleVersion, IReadOnlyCollection<string> UnsafeCapabilities, bool IsBuiltIn = false);
