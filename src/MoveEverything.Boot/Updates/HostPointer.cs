using MoveEverything.Boot.Files;
using MoveEverything.Boot.Text;

namespace MoveEverything.Boot.Updates;

/// <summary>
/// Which host version boots (A/B). <see cref="Committed"/> has proven itself healthy (or was installed by the user);
/// <see cref="Previous"/> is the one before it, kept side by side; <see cref="Trial"/> is a staged update that is
/// booted at most <see cref="BootOptions.TrialBootLimit"/> times and becomes committed only after a healthy boot.
/// The file is replaced atomically, so switching versions is one rename.
/// </summary>
public sealed record HostPointer(string? Committed, string? Previous, string? Trial, int TrialBoots)
{
    public static HostPointer Empty { get; } = new(null, null, null, 0);

    /// <summary>Reads the pointer; a missing or unreadable file reads as <see cref="Empty"/> (the launcher then boots stock).</summary>
    public static HostPointer Read(IFileSystem fs, MoveLayout layout)
    {
        if (!fs.FileExists(layout.HostPointer)) return Empty;
        var map = KeyValueFormat.Parse(fs.ReadAllBytes(layout.HostPointer));
        if (map is null) return Empty;
        return new HostPointer(map.Text("committed"), map.Text("previous"), map.Text("trial"), (int)(map.Long("trial_boots") ?? 0));
    }

    public void Write(IFileSystem fs, MoveLayout layout)
    {
        fs.CreateDirectory(layout.HostDir);
        fs.WriteAtomic(layout.HostPointer, KeyValueFormat.Format(
        [
            new("committed", Committed ?? ""), new("previous", Previous ?? ""),
            new("trial", Trial ?? ""), new("trial_boots", TrialBoots.ToString()),
        ]));
    }

    /// <summary>The trial proved healthy: it becomes committed and the old committed becomes previous.</summary>
    public HostPointer CommitTrial() => Trial is null ? this : new HostPointer(Trial, Committed, null, 0);

    /// <summary>The trial failed: forget it, keep booting the committed version.</summary>
    public HostPointer RevertTrial() => this with { Trial = null, TrialBoots = 0 };

    /// <summary>Versions that must stay on disk.</summary>
    public IEnumerable<string> Referenced() => new[] { Committed, Previous, Trial }.OfType<string>();
}
