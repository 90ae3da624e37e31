using MoveEverything.Boot.Files;

namespace MoveEverything.Boot.Install;

/// <summary>
/// Runs the steps of one operation under the install lock, writing the journal before each step, and is the one
/// failure boundary of install, uninstall, update and restore: typed failures and I/O exceptions become a
/// <see cref="BootError"/> value; nothing else is caught.
/// </summary>
internal sealed class OperationRunner(IFileSystem fs, MoveLayout layout, TimeProvider clock, string operation)
{
    private readonly List<string> _done = [];
    private string? _version;
    private string _step = "lock";

    public IFileSystem Fs => fs;
    public MoveLayout Layout => layout;
    public DateTimeOffset Now => clock.GetUtcNow();

    public void SetVersion(string version) => _version = version;

    /// <summary>Records the intent, then runs the step. Each step must be safe to run again after a kill.</summary>
    public void Step(string name, Action action)
    {
        _step = name;
        new InstallJournal(operation, name, _version, clock.GetUtcNow()).Write(fs, layout);
        action();
    }

    public void Did(string what) => _done.Add(what);

    public void FinishJournal()
    {
        _step = "finish";
        fs.DeleteFile(layout.Journal);
    }

    public OperationResult Run(Action<OperationRunner> body, bool journaled = true)
    {
        try
        {
            using var held = InstallLock.Acquire(layout);
            body(this);
            if (journaled) FinishJournal();
            return OperationResult.Ok(_done);
        }
        catch (BootFailure failure)
        {
            return OperationResult.Failed(failure.Error, _done);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return OperationResult.Failed(IoFailures.Classify(error, $"{operation}, step '{_step}'"), _done);
        }
    }
}
