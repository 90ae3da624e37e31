using MoveEverything.Boot.Files;
using MoveEverything.Boot.Text;

namespace MoveEverything.Boot.SafeMode;

/// <summary>
/// One-shot request for a safe-mode boot (boot/safe-mode-once), set from the system menu or <c>mev safe-mode</c>.
/// The launcher deletes it only after the boot state that records the safe boot is on disk, so a kill in between
/// means one more safe boot, never a lost request.
/// </summary>
public static class SafeModeFlag
{
    public static void Set(IFileSystem fs, MoveLayout layout, string reason, DateTimeOffset at)
    {
        fs.CreateDirectory(layout.BootDir);
        fs.WriteAtomic(layout.SafeModeFlag, KeyValueFormat.Format([new("reason", reason), new("at_ms", at.ToUnixTimeMilliseconds().ToString())]));
    }

    /// <summary>The request's reason ("" when none was given), or null when no request is pending.</summary>
    public static string? TryRead(IFileSystem fs, MoveLayout layout)
    {
        if (!fs.FileExists(layout.SafeModeFlag)) return null;
        var map = KeyValueFormat.Parse(fs.ReadAllBytes(layout.SafeModeFlag));
        return map?.Text("reason") ?? "";
    }

    public static void Clear(IFileSystem fs, MoveLayout layout) => fs.DeleteFile(layout.SafeModeFlag);
}
