using System.Diagnostics;
using MoveEverything.Ipc;
using MoveEverything.Supervisor;

namespace MoveEverything.Engine.Tests.Supervision;

/// <summary>
/// No engine outlives its supervisor: kill -9 of the parent takes an engine and a parked standby with it
/// (PR_SET_PDEATHSIG), and an engine whose supervisor died before it could bind exits by itself.
/// A shell stands in for `mev` as the parent, because the test process itself cannot be killed.
/// </summary>
[Collection(SupervisedEngineCollection.Name)]
public sealed unsafe class ParentDeathTests
{
    private static string Engine => Path.Combine(AppContext.BaseDirectory, EngineExecutable.AppHostName);

    [Fact]
    public void Kill_9_of_the_supervisor_takes_the_engine_and_the_standby_with_it()
    {
        using var channel = ControlChannel.Create(WarmStandbyTests.ChannelPath("orphans"));
        string nap = $"600.{Random.Shared.Next(100_000, 999_999)}"; // unique, so the orphaned sleep can be found and ended
        string engineArgs = string.Join(' ', WarmStandbyTests.Noise(channel.Path).ToArgs().Select(Quote));
        // `sleep | standby` keeps the standby's stdin open after the shell dies: only the parent-death signal ends it.
        string script = $"export {EngineExecutable.SupervisorPidVariable}=$$; " +
                        $"{Quote(Engine)} {engineArgs} & echo engine $!; " +
                        $"sleep {nap} | {Quote(Engine)} standby --warmup-blocks 0 & echo standby $!; wait";
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["DOTNET_TieredCompilation"] = "0";
        using var shell = System.Diagnostics.Process.Start(info)!;
        int enginePid = PidFrom(shell.StandardOutput.ReadLine(), "engine");
        int standbyPid = PidFrom(shell.StandardOutput.ReadLine(), "standby");
        try
        {
            Assert.True(WarmStandbyTests.WaitFor(() => channel.Status->Heartbeat > 10), "the engine did not run under the shell");
            Assert.Equal("ready", shell.StandardOutput.ReadLine());
            Assert.True(Alive(enginePid) && Alive(standbyPid));

            shell.Kill(); // SIGKILL: no chance to stop its children
            shell.WaitForExit();

            Assert.True(WarmStandbyTests.WaitFor(() => !Alive(enginePid)), "the engine outlived its supervisor");
            Assert.True(WarmStandbyTests.WaitFor(() => !Alive(standbyPid)), "the standby outlived its supervisor");
        }
        finally
        {
            foreach (int pid in new[] { enginePid, standbyPid }) if (Alive(pid)) System.Diagnostics.Process.GetProcessById(pid).Kill();
            foreach (var sleeper in System.Diagnostics.Process.GetProcessesByName("sleep")) if (CommandLine(sleeper.Id) == "sleep\0" + nap) sleeper.Kill();
        }
    }

    [Fact]
    public void Engine_whose_supervisor_is_already_gone_exits_at_once()
    {
        using var channel = ControlChannel.Create(WarmStandbyTests.ChannelPath("late"));
        var info = EngineExecutable.StartInfo(WarmStandbyTests.Noise(channel.Path).ToArgs());
        info.Environment[EngineExecutable.SupervisorPidVariable] = "1"; // not our pid: as if we had died before the engine bound to us
        info.RedirectStandardError = true;
        using var engine = System.Diagnostics.Process.Start(info)!;
        Assert.True(engine.WaitForExit(60_000), "the engine kept running");
        Assert.Equal(4, engine.ExitCode);
        Assert.Contains("supervisor", engine.StandardError.ReadToEnd());
        Assert.Equal(0, channel.Status->Heartbeat);
    }

    private static int PidFrom(string? line, string what)
    {
        Assert.NotNull(line);
        Assert.StartsWith(what + " ", line);
        return int.Parse(line[(what.Length + 1)..]);
    }

    /// <summary>Running or sleeping; a zombie (dead, not yet reaped by whoever adopted it) counts as gone.</summary>
    private static bool Alive(int pid)
    {
        try { return !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z'); }
        catch (IOException) { return false; }
    }

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0'); }
        catch (IOException) { return ""; }
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
