using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Discovery;
using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Validation;

/// <summary>
/// The module author's check: parse, schema, compatibility verdict, capabilities and the dsp.so's
/// CPU and exports. Never throws.
/// </summary>
public static class ModuleValidator
{
    /// <summary>Validates the module whose module.json is at <paramref name="manifestPath"/>.</summary>
    public static ValidationReport ValidateManifest(string manifestPath, ValidationOptions? options = null)
    {
        options ??= new ValidationOptions();
        var parse = ManifestParser.Parse(manifestPath, options.Parser);
        IReadOnlyList<SchemaViolation>? schema = null;
        if (!parse.Diagnostics.Any(d => d.Code is DiagnosticCodes.NotJson or DiagnosticCodes.FileUnreadable or DiagnosticCodes.FileTooLarge))
            schema = ReadForSchema(manifestPath) is { } bytes ? ManifestSchema.Check(bytes) : null;
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var native = parse.Manifest is { } m && !options.ManifestOnly ? NativeLibraryProbe.ForModule(m, folder) : null;
        var verdict = CompatibilityChecker.Evaluate(parse, native, options.Host, options.Policy);
        var capabilities = parse.Manifest is { } manifest ? CapabilityResolver.Resolve(manifest) : null;
        return new ValidationReport(manifestPath, parse, schema, verdict, capabilities, native);
    }

    /// <summary>
    /// Validates <paramref name="dir"/>: the module in it when it holds a module.json, otherwise
    /// every module.json below it (any depth), sorted by path.
    /// </summary>
    public static IReadOnlyList<ValidationReport> ValidateDirectory(string dir, ValidationOptions? options = null)
    {
        var own = Path.Combine(dir, "module.json");
        if (File.Exists(own)) return [ValidateManifest(own, options)];
        return ManifestTreeScanner.FindManifests(dir).Select(p => ValidateManifest(Path.Combine(dir, p), options)).ToList();
    }

    private static byte[]? ReadForSchema(string path)
    {
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
