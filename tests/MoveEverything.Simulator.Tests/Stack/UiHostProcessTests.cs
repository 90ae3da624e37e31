using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MoveEverything.Supervisor;

namespace MoveEverything.Simulator.Tests.Stack;

/// <summary>
/// <see cref="UiHostProcess"/> against a stand-in executable (a shell script named like the UI host's apphost that
/// prints its arguments and exits): arguments, log forwarding, restart after a death, --open only on the first start.
/// </summary>
public sealed class UiHostProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mev-uihost-child-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_dead_ui_host_is_restarted_with_the_same_arguments_but_without_open_and_its_output_reaches_the_log()
    {
        string script = Path.Combine(_folder, UiHostExecutable.AppHostName);
        File.WriteAllText(script, "#!/bin/sh\necho \"args: $*\"\necho \"fail: broken on purpose\" >&2\nexit 3\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var log = new LineLogger();
        using var child = new UiHostProcess(new UiHostLaunch
        {
            ModuleRoots = ["/m1"], DataRoot = "/d", Open = "mev-stepseq", RestartBackoffInitialMs = 1, RestartBackoffMaxMs = 1,
        }, log, _folder);

        child.Start("/dev/shm/x.ctl");
        Assert.True(SpinWait.SpinUntil(() => child.HasExited, TimeSpan.FromSeconds(20)), "the stand-in did not exit");
        Assert.Equal(3, child.ExitCode);
        child.Start("/dev/shm/x.ctl"); // what the supervisor's watchdog does on a death
        Assert.True(SpinWait.SpinUntil(() => child.Starts == 2 && child.HasExited, TimeSpan.FromSeconds(20)), "no restart");
        Assert.True(SpinWait.SpinUntil(() => log.Lines.Count(l => l.Text.Contains("args:")) == 2, TimeSpan.FromSeconds(20)), string.Join("\n", log.Lines));

        var args = log.Lines.Where(l => l.Text.Contains("args:")).Select(l => l.Text).ToArray();
        Assert.Contains("args: --channel /dev/shm/x.ctl --modules /m1 --data /d --open mev-stepseq", args[0]);
        Assert.Contains("args: --channel /dev/shm/x.ctl --modules /m1 --data /d", args[1]);
        Assert.DoesNotContain("--open", args[1]);
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Error && l.Text.Contains("broken on purpose"));
    }

    private sealed class LineLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
