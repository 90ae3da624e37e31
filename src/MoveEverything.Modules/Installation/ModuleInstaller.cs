using MoveEverything.Modules.Manifests;
using MoveEverything.Modules.Validation;

namespace MoveEverything.Modules.Installation;

/// <summary>
/// Install-time half of the compatibility contract (docs/COMPATIBILITY.md): a module folder is validated with the
/// same verdict the host applies at load, and copied into <c>&lt;modules root&gt;/&lt;category&gt;/&lt;id&gt;</c> only when
/// the verdict lets it load (fail closed). The copy is staged beside the destination and renamed into place, so a
/// crash mid-install never leaves a half-copied module folder: the old version stays whole (at its place, or at
/// <c>&lt;id&gt;.previous</c> during the two renames, from where the next install restores it before anything else).
/// Consent for unsafe capabilities is asked at load, not here.
/// </summary>
public static class ModuleInstaller
{
    public static ModuleInstallResult Install(string sourceFolder, string modulesRoot, ValidationOptions? options = null)
    {
        var manifestPath = Path.Combine(sourceFolder, "module.json");
        if (!File.Exists(manifestPath))
            return new(false, $"no module.json in {sourceFolder}", null, null);
        var report = ModuleValidator.ValidateManifest(manifestPath, options);
        if (report.Manifest is not { } manifest)
            return new(false, "module.json could not be read: " + FirstError(report), null, report);
        if (!ModuleIds.IsSafe(manifest.Id))
            return new(false, $"'{manifest.Id}' is not a valid module id", null, report);
        if (!report.WouldLoad)
            return new(false, $"{manifest.Id} {manifest.Version} refused: {report.Verdict.Summary}", null, report);

        var category = Path.Combine(modulesRoot, ComponentKinds.InstallSubdirectory(manifest.Kind));
        var destination = Path.Combine(category, manifest.Id);
        if (Path.GetFullPath(sourceFolder).TrimEnd('/') == Path.GetFullPath(destination))
            return new(false, $"{manifest.Id} is already installed at {destination}", destination, report);
        Directory.CreateDirectory(category);
        var previousLeft = destination + ".previous";
        if (!Directory.Exists(destination) && Directory.Exists(previousLeft))
            Directory.Move(previousLeft, destination); // an install killed between its two renames
        var staging = destination + ".staging";
        var previous = destination + ".previous";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        CopyTree(sourceFolder, staging);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        if (Directory.Exists(destination)) Directory.Move(destination, previous);
        Directory.Move(staging, destination);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        return new(true, $"{manifest.Id} {manifest.Version} installed", destination, report);
    }

    private static string FirstError(ValidationReport report) =>
        report.Parse.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Message ?? "unknown error";

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from))
            CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
