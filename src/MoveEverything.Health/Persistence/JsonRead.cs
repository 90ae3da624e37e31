using System.Globalization;
using System.Text.Json;

namespace MoveEverything.Health.Persistence;

/// <summary>Tolerant field readers for the codecs: a missing or mistyped field reads as null.</summary>
internal static class JsonRead
{
    public const int MaxIdLength = 200;

    public static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public static DateTimeOffset? Time(JsonElement e, string name) =>
        String(e, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t)
            ? t : null;

    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A module id or capability name: non-empty, bounded, no control characters.</summary>
    public static string? Id(JsonElement e, string name) =>
        String(e, name) is { Length: > 0 and <= MaxIdLength } s && !s.Any(char.IsControl) ? s : null;

    public static TEnum? Enum<TEnum>(JsonElement e, string name) where TEnum : struct, System.Enum =>
        String(e, name) is { } s && System.Enum.TryParse<TEnum>(s, ignoreCase: true, out var v) && System.Enum.IsDefined(v) ? v : null;
}
