using MoveEverything.Storage;

namespace MoveEverything.Health.Persistence;

/// <summary>Where the health state lives under <see cref="DataPaths.State"/>: one file per concern, so a
/// damaged file never costs another concern's entries, and writers of different concerns never contend.</summary>
public static class HealthFiles
{
    public const int FormatVersion = 1;

    /// <summary>Disable list and strikes, one line per module.</summary>
    public static string Modules(DataPaths paths) => Path.Combine(paths.State, "modules-health.jsonl");

    /// <summary>Consent to unsafe capabilities, one line per module and capability.</summary>
    public static string Consent(DataPaths paths) => Path.Combine(paths.State, "consent.jsonl");

    /// <summary>Trust records (clean loads, clean run time, faults per module version), one line per module.</summary>
    public static string Trust(DataPaths paths) => Path.Combine(paths.State, "module-trust.jsonl");

    /// <summary>Host start counters for safe mode.</summary>
    public static string HostStarts(DataPaths paths) => Path.Combine(paths.State, "host-starts.jsonl");
}
