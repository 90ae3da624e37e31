namespace MoveEverything.Health.Admin;

/// <summary>Why an administration command did nothing.</summary>
public enum AdminErrorKind
{
    /// <summary>No installed module and no stored entry has this id.</summary>
    UnknownModule,
    /// <summary>The capability name is not one the host knows.</summary>
    UnknownCapability,
    /// <summary>The module does not declare this capability, so there is nothing to allow.</summary>
    CapabilityNotDeclared,
    /// <summary>The change could not be written (disk full, read-only, lock held too long).</summary>
    PersistFailed,
    /// <summary>The module ships with the host; it can be disabled but not removed.</summary>
    BuiltInModule,
    /// <summary>The module folder could not be moved out of the modules folder; nothing was removed.</summary>
    RemoveFailed,
}
