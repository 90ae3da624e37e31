namespace MoveEverything.Modules.Capabilities;

/// <summary>What the consent screen shows for one unsafe capability.</summary>
/// <param name="Capability">The capability.</param>
/// <param name="Name">The snake_case name used in module.json and on the command line (<c>mev modules allow ID NAME</c>).</param>
/// <param name="Title">A few words for a 128×64 display line.</param>
/// <param name="Description">One or two sentences for the consent screen: what the module could do with it.</param>
/// <param name="LegacyFlag">The module.json flag of the original that implies it, if any.</param>
public sealed record UnsafeCapabilityInfo(
    UnsafeCapability Capability, string Name, string Title, string Description, string? LegacyFlag);
