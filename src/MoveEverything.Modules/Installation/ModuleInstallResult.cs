using MoveEverything.Modules.Validation;

namespace MoveEverything.Modules.Installation;

/// <summary>
/// Outcome of installing one module folder. <see cref="Installed"/> is false with a <see cref="Reason"/> a user
/// can read whenever nothing was changed on disk (refused by the compatibility contract, unreadable manifest, …).
/// </summary>
public sealed record ModuleInstallResult(bool Installed, string Reason, string? Destination, ValidationReport? Report);
