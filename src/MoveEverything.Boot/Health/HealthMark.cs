using MoveEverything.Boot.Files;
using MoveEverything.Boot.Text;

namespace MoveEverything.Boot.Health;

/// <summary>
/// Evidence that boot <see cref="BootId"/> was healthy: the host saw <see cref="CleanFor"/> of engine blocks with zero
/// misses and a live UI heartbeat. File boot/health, written atomically once per boot by <see cref="HealthMarkWriter"/>;
/// the launcher reads it at the next boot and only then clears the boot counter or commits a trial update.
/// </summary>
public sealed record HealthMark(long BootId, DateTimeOffset At, TimeSpan CleanFor, long EngineBlocks)
{
    public static HealthMark? TryRead(IFileSystem fs, MoveLayout layout)
    {
        if (!fs.FileExists(layout.HealthMark)) return null;
        var map = KeyValueFormat.Parse(fs.ReadAllBytes(layout.HealthMark));
        if (map?.Long("boot_id") is not { } id) return null;
        return new HealthMark(id, DateTimeOffset.FromUnixTimeMilliseconds(map.Long("at_ms") ?? 0),
            TimeSpan.FromMilliseconds(map.Long("clean_for_ms") ?? 0), map.Long("engine_blocks") ?? 0);
    }

    public void Write(IFileSystem fs, MoveLayout layout)
    {
        fs.CreateDirectory(layout.BootDir);
        fs.WriteAtomic(layout.HealthMark, KeyValueFormat.Format(
        [
            new("boot_id", BootId.ToString()),
            new("at_ms", At.ToUnixTimeMilliseconds().ToString()),
            new("clean_for_ms", ((long)CleanFor.TotalMilliseconds).ToString()),
            new("engine_blocks", EngineBlocks.ToString()),
        ]));
    }
}
