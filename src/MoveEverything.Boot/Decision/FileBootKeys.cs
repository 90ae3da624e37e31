namespace MoveEverything.Boot.Decision;

/// <summary>
/// Stand-in for the mailbox reader: the names of held keys, separated by spaces, commas or '+', in a text file
/// (boot/held-keys). A missing or unreadable file means no keys. Returns at once, ignoring the window.
/// </summary>
public sealed class FileBootKeys(string path) : IBootKeys
{
    public IReadOnlySet<MoveKey> ReadHeld(TimeSpan window)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : new HashSet<MoveKey>();
        }
        catch (IOException)
        {
            return new HashSet<MoveKey>();
        }
    }

    /// <summary>Parses "shift+back" style lists; unknown names are ignored.</summary>
    public static IReadOnlySet<MoveKey> Parse(string text)
    {
        var keys = new HashSet<MoveKey>();
        foreach (var name in text.Split([' ', ',', '+', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
            if (Enum.TryParse<MoveKey>(name, ignoreCase: true, out var key) && Enum.IsDefined(key)) keys.Add(key);
        return keys;
    }
}
