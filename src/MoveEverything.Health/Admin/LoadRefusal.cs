namespace MoveEverything.Health.Admin;

/// <summary>Why a module would be refused at load, before consent is asked: a stable kebab-case code
/// (a <c>CompatibilityReason</c> code such as "needs-newer-host", or "unknown-capability") and a sentence.</summary>
public sealed record LoadRefusal(string Code, string Message);
