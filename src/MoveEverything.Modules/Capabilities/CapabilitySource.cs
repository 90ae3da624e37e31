namespace MoveEverything.Modules.Capabilities;

/// <summary>Why a module needs an unsafe capability: declared by name, or implied by a legacy flag.</summary>
/// <param name="Capability">The capability.</param>
/// <param name="DeclaredAs">The module.json field that asked for it: <c>unsafe_capabilities</c> or a legacy flag name.</param>
public sealed record CapabilitySource(UnsafeCapability Capability, string DeclaredAs);
