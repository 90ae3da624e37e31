namespace MoveEverything.Modules.Versioning;

/// <summary>Why a version string was refused.</summary>
public enum VersionErrorKind
{
    Empty,
    LeadingV,
    EmptyPart,
    NonNumericPart,
    NumberTooLarge,
    TooManyParts,
    InvalidPreRelease,
    InvalidBuildMetadata,
}
