using MoveEverything.Boot.Files;
using MoveEverything.Boot.Text;

namespace MoveEverything.Boot.Decision;

/// <summary>
/// The durable boot counter. The launcher writes it (fsynced) before exec: <see cref="BootCount"/> numbers the boot
/// being started, <see cref="Strikes"/> holds the start times of recent boots that never showed health, and
/// <see cref="StockLatched"/> keeps booting stock after a crash loop until the user asks for safe mode.
/// </summary>
public sealed record BootState(
    long BootCount,
    DateTimeOffset? LastBootAt,
    BootTarget? LastTarget,
    string? LastHostVersion,
    IReadOnlyList<DateTimeOffset> Strikes,
    bool StockLatched)
{
    public static BootState Fresh { get; } = new(0, null, null, null, [], false);

    /// <summary>Reads the state; an unreadable file counts as one strike (something went wrong) rather than none.</summary>
    public static BootState Read(IFileSystem fs, MoveLayout layout, DateTimeOffset now)
    {
        if (!fs.FileExists(layout.BootState)) return Fresh;
        var map = KeyValueFormat.Parse(fs.ReadAllBytes(layout.BootState));
        if (map is null) return Fresh with { Strikes = [now] };
        var strikes = (map.Text("strikes_ms") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => long.TryParse(s, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : now)
            .ToList();
        return new BootState(
            map.Long("boot_count") ?? 0,
            map.Long("last_boot_at_ms") is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
            Enum.TryParse<BootTarget>(map.Text("last_target"), ignoreCase: true, out var target) ? target : null,
            map.Text("last_host_version"),
            strikes,
            map.Text("stock_latched") == "1");
    }

    public void Write(IFileSystem fs, MoveLayout layout)
    {
        fs.CreateDirectory(layout.BootDir);
        fs.WriteAtomic(layout.BootState, KeyValueFormat.Format(
        [
            new("boot_count", BootCount.ToString()),
            new("last_boot_at_ms", LastBootAt?.ToUnixTimeMilliseconds().ToString() ?? ""),
            new("last_target", LastTarget?.ToString().ToLowerInvariant() ?? ""),
            new("last_host_version", LastHostVersion ?? ""),
            new("strikes_ms", string.Join(',', Strikes.Select(s => s.ToUnixTimeMilliseconds()))),
            new("stock_latched", StockLatched ? "1" : "0"),
        ]));
    }
}
