namespace MoveEverything.Modules.Installation;

/// <summary>One entry of the modules trash: the id it was removed as (null when the name is not one this host writes) and its path.</summary>
public sealed record TrashedModule(string? ModuleId, string Path);
