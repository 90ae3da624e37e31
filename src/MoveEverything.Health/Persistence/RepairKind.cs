namespace MoveEverything.Health.Persistence;

/// <summary>What was wrong with a state file and what the store did about it.</summary>
public enum RepairKind
{
    /// <summary>The file could not be read at all (I/O or permission error); nothing was changed.</summary>
    Unreadable,
    /// <summary>The first line was not this file's header; the lines were read as entries anyway.</summary>
    MissingHeader,
    /// <summary>Written by a newer host; the entries this host understands were kept.</summary>
    NewerVersion,
    /// <summary>A line that is not valid JSON or not an entry (e.g. cut short); it was skipped.</summary>
    CorruptEntry,
    /// <summary>An entry with some unreadable fields; the readable part was kept.</summary>
    PartialEntry,
    /// <summary>The same entry appeared twice; the later one was kept.</summary>
    DuplicateEntry,
    /// <summary>An entry names a module that is not installed; it is kept in case the module comes back.</summary>
    UnknownModule,
    /// <summary>The damaged original was kept beside the file before the clean rewrite.</summary>
    BackupKept,
    /// <summary>The clean rewrite (or its backup) failed; the file was left as it was.</summary>
    RewriteFailed,
}
