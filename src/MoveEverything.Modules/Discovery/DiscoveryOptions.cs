using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Discovery;

/// <summary>Where and how <see cref="ModuleDiscovery"/> looks. One place for each discovery limit.</summary>
public sealed record DiscoveryOptions
{
    /// <summary>
    /// Category folders below the user modules root, in scan order (schwung-spec §4.1, legacy
    /// <c>mm_scan_modules</c>): the root itself is scanned first, then these.
    /// </summary>
    public static IReadOnlyList<string> CategoryFolders { get; } =
        ["sound_generators", "audio_fx", "midi_fx", "utilities", "other", "overtake", "tools"];

    /// <summary>The user modules root (on a Move: /data/UserData/schwung/modules). Required.</summary>
    public required string UserModulesRoot { get; init; }

    /// <summary>The built-in modules root shipped with the host; null = none. Scanned before the user root.</summary>
    public string? BuiltinModulesRoot { get; init; }

    /// <summary>Most module folders accepted in one scan; more are ignored with a diagnostic.
    /// Default 4096 (the original capped at 64, which real installs already approach).</summary>
    public int MaxModules { get; init; } = 4096;

    /// <summary>Most packs expanded from one module's <c>scan_packs</c> folder. Default 256.</summary>
    public int MaxPacksPerModule { get; init; } = 256;

    /// <summary>Answers whether a <c>requires_path</c> exists; replaceable in tests. Default: file or directory exists.</summary>
    public Func<string, bool> PathExists { get; init; } = p => File.Exists(p) || Directory.Exists(p);

    public ManifestParserOptions Parser { get; init; } = ManifestParserOptions.Default;
}
