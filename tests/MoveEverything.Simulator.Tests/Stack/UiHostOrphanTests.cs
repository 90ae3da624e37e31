using System.Diagnostics;
using MoveEverything.Ipc;
using MoveEverything.Supervisor;

namespace MoveEverything.Simulator.Tests.Stack;

/// <summary>
/// The real UI host executable does not outlive the process that started it: a shell plays the supervisor (it puts its
/// own pid in the environment, starts the UI host in the background and exits two seconds later, as a SIGKILLed `mev`
/// would vanish). The UI host must be alive while its "supervisor" is, and gone soon after.
/// </summary>
public sealed class UiHostOrphanTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("mev-orphan-").FullName;
    private readonly string _channelPath = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-orphan-{Environment.ProcessId}-{Guid.NewGuid():N}.ctl");

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        File.Delete(_channelPath);
    }

    [Fact]
    public void An_orphaned_ui_host_leaves_on_its_own()
    {
        using var channel = ControlChannel.Create(_channelPath);
        string uiHost = Path.Combine(AppContext.BaseDirectory, UiHostExecutable.AppHostName);
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"export {SupervisorEnvironment.PidVariable}=$$; \"$0\" --channel \"$1\" --data \"$2\" >/dev/null 2>&1 & echo $!; sleep 2");
        info.ArgumentList.Add(uiHost);
        info.ArgumentList.Add(_channelPath);
        info.ArgumentList.Add(_data);
        using var shell = Process.Start(info)!;
        int pid = int.Parse(shell.StandardOutput.ReadLine()!);
        try
        {
            Thread.Sleep(500);
            Assert.True(Alive(pid), "the UI host died while its supervisor was alive");
            Assert.True(shell.WaitForExit(30_000));
            var clock = Stopwatch.StartNew();
            while (Alive(pid) && clock.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(50);
            Assert.False(Alive(pid), "the UI host outlived its supervisor");
        }
        finally { if (Alive(pid)) Process.GetProcessById(pid).Kill(); }
    }

    /// <summary>Running and not a zombie (a re-parented child is reaped by init, but look at the state to be sure).</summary>
    private static bool Alive(int pid)
    {
        try { return !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z'); }
        catch (IOException) { return false; }
    }
}
