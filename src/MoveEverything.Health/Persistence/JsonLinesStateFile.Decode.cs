using System.Text;
using System.Text.Json;

namespace MoveEverything.Health.Persistence;

public sealed partial class JsonLinesStateFile<T>
{
    /// <summary>Parses the bytes of a state file; null bytes (no file) give an empty, clean load.</summary>
    public StateLoad<T> Decode(byte[]? bytes)
    {
        if (bytes is null) return new([], []);
        var notes = new List<RepairNote>();
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        int first = ReadHeader(lines[0], notes) ? 1 : 0;
        var entries = new List<T>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        int skipped = 0;
        for (int i = first; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var problems = new List<string>();
            var entry = DecodeLine(line, problems);
            if (entry is null)
            {
                AddCapped(notes, ref skipped, new(RepairKind.CorruptEntry, Name, i + 1, $"unreadable ({string.Join("; ", problems)}); skipped"));
                continue;
            }
            if (problems.Count > 0)
                AddCapped(notes, ref skipped, new(RepairKind.PartialEntry, Name, i + 1, string.Join("; ", problems)));
            var key = codec.Key(entry);
            if (positions.Remove(key, out var earlier))
            {
                entries[earlier] = null!;
                AddCapped(notes, ref skipped, new(RepairKind.DuplicateEntry, Name, i + 1, $"\"{key}\" appears again; the later line wins"));
            }
            positions[key] = entries.Count;
            entries.Add(entry);
        }
        if (skipped > 0) notes.Add(new(RepairKind.CorruptEntry, Name, null, $"and {skipped} more damaged lines"));
        return new(entries.Where(e => e is not null).ToList(), notes);
    }

    private bool ReadHeader(string line, List<RepairNote> notes)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String && f.GetString() == format
                && root.TryGetProperty("version", out var v) && v.TryGetInt32(out var fileVersion))
            {
                if (fileVersion > version)
                    notes.Add(new(RepairKind.NewerVersion, Name, 1, $"written by a newer host (format version {fileVersion}, this host reads {version}); kept the entries it understands"));
                return true;
            }
        }
        catch (JsonException) { }
        notes.Add(new(RepairKind.MissingHeader, Name, 1, $"does not start with a {format} header; reading the lines as entries"));
        return false;
    }

    private T? DecodeLine(string line, List<string> problems)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) { problems.Add("not a JSON object"); return null; }
            return codec.Decode(doc.RootElement, problems);
        }
        catch (JsonException)
        {
            problems.Add("not valid JSON, probably cut short");
            return null;
        }
    }

    private static void AddCapped(List<RepairNote> notes, ref int skipped, RepairNote note)
    {
        if (notes.Count < MaxLineNotes) notes.Add(note); else skipped++;
    }
}
