namespace MoveEverything.Modules.Capabilities;

/// <summary>
/// A capability name nobody knows: the module is refused (a power we cannot describe cannot be
/// consented to). <see cref="Suggestion"/> names a known capability when the name looks like a typo.
/// </summary>
public sealed record UnknownCapabilityRefusal(string Name, string? Suggestion)
{
    public string Message => Suggestion is null
        ? $"unknown unsafe capability \"{Name}\"; known: {string.Join(", ", UnsafeCapabilities.Names)}"
        : $"unknown unsafe capability \"{Name}\" (did you mean \"{Suggestion}\"?)";
}
