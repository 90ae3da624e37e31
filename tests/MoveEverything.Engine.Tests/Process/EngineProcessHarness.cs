using System.Diagnostics;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Tests.Process;

/// <summary>
/// Starts the real engine process (built next to the tests) against a fresh control channel and plays the
/// UI host's role on it: sole command producer and event consumer. Kills the engine on Dispose.
/// </summary>
internal sealed unsafe class EngineProcessHarness : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    public ControlChannel Channel { get; }
    public StatusBlock* Status => Channel.Status;

    public EngineProcessHarness(EngineLaunch launch)
    {
        string path = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-enginetest-{Guid.NewGuid():N}.ctl");
        Channel = ControlChannel.Create(path);
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "MoveEverything.Engine")) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in (launch with { ChannelPath = path }).ToArgs()) info.ArgumentList.Add(a);
        info.Environment["DOTNET_gcConcurrent"] = "0";
        info.Environment["DOTNET_TieredCompilation"] = "0";
        _process = System.Diagnostics.Process.Start(info)!;
    }

    /// <summary>Waits (bounded, generous: this is a liveness guard, not a timing assertion) for a status condition.</summary>
    public void WaitUntil(Func<bool> condition, string what, int seconds = 60)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited) throw new InvalidOperationException($"engine exited ({_process.ExitCode}) while waiting for {what}: {_process.StandardError.ReadToEnd()}");
            if (sw.Elapsed.TotalSeconds > seconds) throw new TimeoutException($"engine did not reach: {what}");
            Thread.Sleep(2);
        }
    }

    /// <summary>Waits for a telemetry sample taken after this call, so GC figures are current.</summary>
    public void WaitForFreshTelemetry()
    {
        long seen = Volatile.Read(ref Status->TelemetrySamples);
        WaitUntil(() => Volatile.Read(ref Status->TelemetrySamples) >= seen + 2, "a fresh telemetry sample");
    }

    public void Send(EngineCommand command)
    {
        while (!Channel.Commands.TryWrite(command))
        {
            if (_process.HasExited) throw new InvalidOperationException($"engine exited ({_process.ExitCode})");
            Thread.Yield();
        }
    }

    /// <summary>
    /// Sends a command and waits (bounded liveness guard) for the event answering its request id; other events are
    /// dropped. For LoadPlugin/UnloadPlugin that is the LoadResult, for ParamGet the ParamReply.
    /// </summary>
    public EngineEvent Ask(EngineCommand command, int seconds = 60)
    {
        Send(command);
        EngineEvent answer = default;
        bool found = false;
        WaitUntil(() =>
        {
            while (!found && Channel.Events.TryRead(out var e))
                if (e.RequestId == command.RequestId && e.Kind is EventKind.LoadResult or EventKind.ParamReply) { answer = e; found = true; }
            return found;
        }, $"the answer to {command.Kind} #{command.RequestId}", seconds);
        return answer;
    }

    /// <summary>get_param through the control channel; null when the engine answers none (−1).</summary>
    public string? GetParam(int slot, int position, string key, uint requestId)
    {
        var reply = Ask(EngineCommand.ParamGet(slot, position, key, requestId));
        if (reply.Code != 0) return null;
        if (!reply.HasLargeValue) return FixedUtf8.Read(reply.TextSpan);
        var buffer = new byte[Channel.LargeValue.Capacity];
        int n = Channel.LargeValue.TryRead(buffer, requestId);
        Assert.True(n >= 0, $"the large value of request {requestId} was not readable");
        return System.Text.Encoding.UTF8.GetString(buffer, 0, n);
    }

    public void Dispose()
    {
        if (!_process.HasExited) { _process.Kill(); _process.WaitForExit(); }
        _process.Dispose();
        Channel.Dispose();
    }
}
