namespace MoveEverything.Boot.Install;

/// <summary>Why an install, uninstall, update or restore stopped. The numeric value is the CLI exit code (docs/BOOT.md).</summary>
public enum BootErrorKind
{
    /// <summary>Another install, uninstall, update or restore holds the lock.</summary>
    Busy = 3,
    /// <summary>ROOT/opt/move/Move does not exist and no backup is recorded.</summary>
    StockMissing = 4,
    /// <summary>The stock backup (or its manifest) is gone while the launcher sits at /opt/move/Move.</summary>
    BackupMissing = 5,
    /// <summary>The backup manifest cannot be read.</summary>
    BackupCorrupt = 6,
    /// <summary>A file's SHA-256 or size differs from what was recorded or just written.</summary>
    HashMismatch = 7,
    /// <summary>The filesystem refused a write (read-only or no permission).</summary>
    ReadOnly = 8,
    /// <summary>No space left on the device.</summary>
    DiskFull = 9,
    /// <summary>The payload folder lacks a file or has a bad version.</summary>
    PayloadInvalid = 10,
    /// <summary>Nothing of Move Everything is installed at that root.</summary>
    NotInstalled = 11,
    /// <summary>Another I/O error; the message carries the system's text.</summary>
    IoError = 12,
}
