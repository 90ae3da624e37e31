using Jint;
using Jint.Runtime.Modules;

namespace MoveEverything.UiHost.Scripting;

/// <summary>
/// Resolves a module's imports (schwung-spec.md §3.1, module-corpus-analysis.md §3c):
/// absolute shared-library paths (three prefixes) and relative paths that leave the module folder into a
/// "shared/" folder go to <see cref="SharedLibrary"/>; "std" and "os" go to minimal shims; relative and
/// absolute paths inside the module folder load from disk, confined by <see cref="PathSandbox"/>;
/// anything else is refused with a <see cref="ModuleImportException"/> that names the import.
/// </summary>
public sealed class ModuleImportLoader : IModuleLoader
{
    private const string SharedScheme = "mev-shared:";
    private const string BuiltinScheme = "mev-builtin:";

    private readonly PathSandbox _moduleFolder;
    private readonly SharedLibrary _shared;
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

    /// <summary>Sources loaded so far by key (for naming the file behind a missing export).</summary>
    public IReadOnlyDictionary<string, string> LoadedSources => _sources;

    public ModuleImportLoader(string moduleFolder, SharedLibrary shared)
    {
        _moduleFolder = new PathSandbox(moduleFolder);
        _shared = shared;
    }

    public ResolvedSpecifier Resolve(string? referencingModuleLocation, ModuleRequest moduleRequest)
    {
        var specifier = moduleRequest.Specifier;
        return new ResolvedSpecifier(moduleRequest, ResolveKey(referencingModuleLocation, specifier), null, SpecifierType.RelativeOrAbsolute);
    }

    public Module LoadModule(Engine engine, ResolvedSpecifier resolved)
    {
        var key = resolved.Key;
        var specifier = resolved.ModuleRequest.Specifier;
        string source;
        if (key.StartsWith(SharedScheme, StringComparison.Ordinal))
        {
            var name = key[SharedScheme.Length..];
            if (!_shared.TryGet(name, out source))
                throw new ModuleImportException(specifier,
                    $"'{name}' is not in the host's shared library (it has: {string.Join(", ", _shared.Names.Order())})");
        }
        else if (key.StartsWith(BuiltinScheme, StringComparison.Ordinal))
        {
            var name = key[BuiltinScheme.Length..];
            if (!_shared.TryGet($"builtin/{name}.mjs", out source))
                throw new ModuleImportException(specifier, $"built-in '{name}' is not available");
        }
        else
        {
            if (!File.Exists(key)) throw new ModuleImportException(specifier, $"file {key} does not exist");
            source = File.ReadAllText(key);
        }
        _sources[key] = source;
        return ModuleFactory.BuildSourceTextModule(engine, resolved, source);
    }

    private string ResolveKey(string? referrer, string specifier)
    {
        if (specifier is "std" or "os" or "qjs:std" or "qjs:os")
            return BuiltinScheme + specifier.Replace("qjs:", "");
        if (SharedLibrary.NameForAbsoluteImport(specifier) is { } sharedName)
            return SharedKey(specifier, sharedName);

        var relative = specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal);
        if (relative && referrer is not null && referrer.StartsWith(SharedScheme, StringComparison.Ordinal))
        {
            // Shared-library files import each other relatively; resolve inside the library's namespace.
            var baseDir = Path.GetDirectoryName("/" + referrer[SharedScheme.Length..]) ?? "/";
            return SharedKey(specifier, Path.GetFullPath(Path.Combine(baseDir, specifier)).TrimStart('/'));
        }
        if (!relative && !Path.IsPathRooted(specifier))
            throw new ModuleImportException(specifier, "bare package names are not supported (only 'std', 'os', the shared library and files in the module folder)");

        var baseFolder = referrer is not null && Path.IsPathRooted(referrer) ? Path.GetDirectoryName(referrer)! : _moduleFolder.Root;
        var candidate = Path.GetFullPath(Path.IsPathRooted(specifier) ? specifier : Path.Combine(baseFolder, specifier));
        if (!_moduleFolder.Contains(candidate) && SharedNameFromPath(candidate) is { } escapedShared)
            return SharedKey(specifier, escapedShared); // e.g. "../../shared/input_filter.mjs"
        if (_moduleFolder.Resolve(candidate, out var refusal) is null)
            throw new ModuleImportException(specifier, refusal!);
        return candidate;
    }

    private string SharedKey(string specifier, string name)
    {
        if (name.Contains("..")) throw new ModuleImportException(specifier, "'..' is not allowed inside the shared library");
        return SharedScheme + name;
    }

    private static string? SharedNameFromPath(string fullPath)
    {
        var marker = $"{Path.DirectorySeparatorChar}shared{Path.DirectorySeparatorChar}";
        var at = fullPath.LastIndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : fullPath[(at + marker.Length)..];
    }
}
