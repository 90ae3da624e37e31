namespace MoveEverything.Modules.Installation;

/// <summary>Outcome of <see cref="ModuleTrash.MoveToTrash"/>: moved (to <see cref="TrashEntry"/>) or refused with a reason, nothing moved.</summary>
public sealed record TrashMove(bool Moved, string? TrashEntry, string? Reason)
{
    public static TrashMove Refused(string reason) => new(false, null, reason);
}
