using MoveEverything.Modules.Versioning;

namespace MoveEverything.Modules.Compatibility;

/// <summary>
/// One plugin ABI (module.json <c>api_version</c>) and its life: loadable from
/// <see cref="IntroducedIn"/>; deprecated from <see cref="DeprecatedIn"/> (loads with a warning);
/// retired — refused — from the version <see cref="CompatibilityPolicy.RetirementOf"/> computes.
/// </summary>
public sealed record AbiLifecycle(int Abi, DottedVersion IntroducedIn, DottedVersion? DeprecatedIn, string Description);
