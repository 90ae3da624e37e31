namespace MoveEverything.Modules.Capabilities;

/// <summary>The unsafe capabilities a manifest needs and where each came from; unknown names refuse the module.</summary>
public sealed record CapabilityResolution(
    CapabilitySet Required,
    IReadOnlyList<CapabilitySource> Sources,
    IReadOnlyList<UnknownCapabilityRefusal> Unknown)
{
    public bool IsRefused => Unknown.Count > 0;
}
