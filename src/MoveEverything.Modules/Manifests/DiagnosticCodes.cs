namespace MoveEverything.Modules.Manifests;

/// <summary>
/// The stable codes of <see cref="ManifestDiagnostic"/>. Codes never change meaning once shipped;
/// the committed corpus tables compare them.
/// </summary>
public static class DiagnosticCodes
{
    // File and syntax
    public const string FileUnreadable = "file-unreadable";
    public const string FileTooLarge = "file-too-large";
    public const string OverLegacySizeLimit = "over-legacy-size-limit";
    public const string NotJson = "not-json";
    public const string NotAnObject = "not-an-object";
    public const string JsonComment = "json-comment";
    public const string JsonTrailingComma = "json-trailing-comma";
    public const string DuplicateKey = "duplicate-key";
    public const string ByteOrderMark = "byte-order-mark";

    // Identity
    public const string MissingId = "missing-id";
    public const string InvalidId = "invalid-id";
    public const string MissingName = "missing-name";
    public const string MissingVersion = "missing-version";
    public const string MalformedVersion = "malformed-version";
    public const string FourPartVersion = "four-part-version";
    public const string PreReleaseVersion = "pre-release-version";

    // Types and placement
    public const string WrongType = "wrong-type";
    public const string ApiVersionMissing = "api-version-missing";
    public const string ApiVersionUnsupported = "api-version-unsupported";
    public const string ComponentTypeMissing = "component-type-missing";
    public const string ComponentTypeConflict = "component-type-conflict";
    public const string ComponentTypeUnknown = "component-type-unknown";
    public const string FieldConflict = "field-conflict";
    public const string MalformedHostVersion = "malformed-host-version";
    public const string InvalidPassthroughCc = "invalid-passthrough-cc";
    public const string UnknownCapability = "unknown-capability";
    public const string UnsafeFileReference = "unsafe-file-reference";

    // Discovery
    public const string DuplicateId = "duplicate-id";
    public const string RequiredPathMissing = "required-path-missing";
    public const string HiddenByManifest = "hidden-by-manifest";
    public const string PacksExpanded = "packs-expanded";
    public const string TooManyModules = "too-many-modules";
}
