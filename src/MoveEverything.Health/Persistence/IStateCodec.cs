using System.Text.Json;
using System.Text.Json.Nodes;

namespace MoveEverything.Health.Persistence;

/// <summary>
/// Turns one entry of a state file into one JSON line and back. Decoding is tolerant: unknown fields are
/// ignored, a damaged optional part is dropped with a sentence added to <c>problems</c>, and only an entry
/// whose identity cannot be read is rejected (returns null).
/// </summary>
public interface IStateCodec<T> where T : class
{
    /// <summary>Identity of an entry: two lines with the same key are duplicates.</summary>
    string Key(T entry);
    JsonObject Encode(T entry);
    T? Decode(JsonElement element, List<string> problems);
}
