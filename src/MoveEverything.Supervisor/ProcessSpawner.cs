using System.Collections.Concurrent;
using System.Diagnostics;

namespace MoveEverything.Supervisor;

/// <summary>
/// Starts child processes from one dedicated, long-lived thread. Why: engines bind their life to the supervisor
/// with PR_SET_PDEATHSIG, and the kernel delivers that signal when the *thread* that forked the child exits — a
/// test's or the thread pool's thread ending would kill a healthy engine. Invariant: every engine and standby is
/// forked by this thread, which lives until <see cref="Dispose"/>.
/// </summary>
public sealed class ProcessSpawner : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public ProcessSpawner()
    {
        _thread = new Thread(() => { foreach (var item in _work.GetConsumingEnumerable()) item(); })
        { Name = "supervisor-spawner", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Starts the process on the spawner thread and waits for it; exceptions of Process.Start come back here.</summary>
    public Process Start(ProcessStartInfo info)
    {
        var done = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try { done.SetResult(Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start")); }
            catch (Exception e) { done.SetException(e); }
        });
        return done.Task.GetAwaiter().GetResult();
    }

    /// <summary>Starts the process on the spawner thread without waiting; <paramref name="started"/> runs there.</summary>
    public void StartInBackground(ProcessStartInfo info, Action<Process?> started)
    {
        try
        {
            _work.Add(() =>
            {
                Process? p = null;
                try { p = Process.Start(info); }
                catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException) { }
                started(p);
            });
        }
        catch (InvalidOperationException) { started(null); } // disposed: no more children
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        if (Thread.CurrentThread != _thread) _thread.Join(TimeSpan.FromSeconds(5));
    }
}
