namespace MoveEverything.Modules.Compatibility;

/// <summary>Why a compatibility finding was made. Each has a fixed severity (see <see cref="CompatibilityReasons"/>).</summary>
public enum CompatibilityReason
{
    // Refusals: the module does not load.
    InvalidManifest,
    MalformedVersion,
    NeedsNewerHost,
    UnknownHostVersion,
    AbiUnknown,
    AbiTooNew,
    AbiRetired,
    NoBuildForThisCpu,
    DspNotLoadable,
    DspMissing,
    NoEntryPoint,
    UnknownCapability,
    EvaluationFailed,

    // Warnings: loads, the user/author is told.
    AbiDeprecated,
    TestedOnlyOnOldHost,
    AbiMismatch,

    // Notes: worth knowing.
    NoMinHostVersion,
    NewerThanTested,
}
