using System.Text;

namespace MoveEverything.Boot.Text;

/// <summary>
/// The trivial text format of every boot file: one <c>key=value</c> per line, UTF-8, backslash escapes for
/// newline and backslash in values. Chosen over JSON so the NativeAOT launcher needs no serializer.
/// </summary>
public static class KeyValueFormat
{
    public static byte[] Format(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in pairs)
            text.Append(key).Append('=').Append(value.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Parses the content, or returns null when a line is not <c>key=value</c> (a corrupt file).</summary>
    public static Dictionary<string, string>? Parse(ReadOnlySpan<byte> content)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in Encoding.UTF8.GetString(content).Split('\n'))
        {
            if (raw.Length == 0) continue;
            int eq = raw.IndexOf('=');
            if (eq <= 0) return null;
            result[raw[..eq]] = Unescape(raw[(eq + 1)..]);
        }
        return result;
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\')) return value;
        var text = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                text.Append(value[++i] == 'n' ? '\n' : value[i]);
                continue;
            }
            text.Append(value[i]);
        }
        return text.ToString();
    }

    public static long? Long(this IReadOnlyDictionary<string, string> map, string key) =>
        map.TryGetValue(key, out var v) && long.TryParse(v, out var n) ? n : null;

    public static string? Text(this IReadOnlyDictionary<string, string> map, string key) =>
        map.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
}
