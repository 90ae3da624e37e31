namespace MoveEverything.Health.Admin;

/// <summary>What administration needs to know about one installed module (from discovery).</summary>
public sealed record InstalledModule(string Id, string Version, IReadOnlyList<string> UnsafeCapabilities, bool IsBuiltIn);
