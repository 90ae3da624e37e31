using System.Reflection;

namespace MoveEverything.UiHost.Scripting;

/// <summary>
/// Our own shared JS library (src/MoveEverything.UiHost/Shared/*.mjs, embedded in the assembly), served
/// for imports of /data/UserData/{schwung,move-anything,move-everything}/shared/NAME. Written from the
/// documented behaviour (schwung-spec.md §3.6), not copied.
/// </summary>
public sealed class SharedLibrary
{
    public const string ResourcePrefix = "mev-shared/";

    /// <summary>Absolute import prefixes modules use for the host's shared library.</summary>
    public static readonly string[] ImportPrefixes =
    [
        "/data/UserData/schwung/shared/",
        "/data/UserData/move-anything/shared/",
        "/data/UserData/move-everything/shared/",
    ];

    private readonly Dictionary<string, string> _files;

    private SharedLibrary(Dictionary<string, string> files) => _files = files;

    public static SharedLibrary Embedded { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> Names => _files.Keys;

    public bool TryGet(string name, out string source) => _files.TryGetValue(name, out source!);

    /// <summary>Maps an absolute import to a library name, or null when it is not a shared-library path.</summary>
    public static string? NameForAbsoluteImport(string specifier) =>
        ImportPrefixes.FirstOrDefault(p => specifier.StartsWith(p, StringComparison.Ordinal)) is { } prefix
            ? specifier[prefix.Length..]
            : null;

    private static SharedLibrary LoadEmbedded()
    {
        var asm = typeof(SharedLibrary).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in asm.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = asm.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files[resource[ResourcePrefix.Length..]] = reader.ReadToEnd();
        }
        return new SharedLibrary(files);
    }
}
