namespace MoveEverything.UiHost.HostApi;

/// <summary>The last refusal of an unsafe host function, as a module reads it from <c>host_last_refusal()</c>.</summary>
public sealed record UnsafeCallRefusal(string Function, UnsafeRefusalCode Code, string Reason)
{
    /// <summary>Stable kebab-case code ("not-carried-out").</summary>
    public string CodeText => string.Concat(Code.ToString().Select((c, i) =>
        char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
