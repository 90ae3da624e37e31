using MoveEverything.Modules.Capabilities;

namespace MoveEverything.Health.Trust;

/// <summary>What the trust decision needs to know about a module besides its record.</summary>
/// <param name="IsBuiltIn">Shipped with the host (under a built-in modules root, or a builtin: DSP); a manifest cannot claim it.</param>
/// <param name="UnsafeCapabilities">The unsafe capabilities the module declares (required), granted or not.</param>
public sealed record TrustRequest(string ModuleId, string ModuleVersion, bool IsBuiltIn, CapabilitySet UnsafeCapabilities);
