using Microsoft.Extensions.Logging.Abstractions;
using MoveEverything.Ipc;
using MoveEverything.Supervisor;

namespace MoveEverything.Simulator.Tests.Headless;

/// <summary>
/// Invariant: no engine thread that can stall the block thread runs below it. The telemetry thread calls
/// GC.GetTotalAllocatedBytes(precise: true), which suspends the runtime; the block thread waking meanwhile waits
/// for it, so the telemetry thread must have the block thread's scheduling policy and priority (checked in /proc).
/// </summary>
public sealed unsafe class EngineThreadPolicyTests
{
    private sealed record ThreadPolicy(string Name, int Policy, int RtPriority);

    /// <summary>Policy and rt_priority of each thread of <paramref name="pid"/> (fields 41 and 40 of /proc/PID/task/TID/stat).</summary>
    private static List<ThreadPolicy> Threads(int pid)
    {
        var list = new List<ThreadPolicy>();
        foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
        {
            try
            {
                string name = File.ReadAllText(Path.Combine(task, "comm")).Trim(), stat = File.ReadAllText(Path.Combine(task, "stat"));
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // f[0] is field 3 (state)
                list.Add(new ThreadPolicy(name, int.Parse(f[41 - 3]), int.Parse(f[40 - 3])));
            }
            catch (IOException) { } // the thread ended meanwhile
        }
        return list;
    }

    [Fact]
    public void The_telemetry_thread_runs_at_the_block_threads_policy_and_priority()
    {
        var launch = new EngineLaunch
        {
            ChannelPath = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-policy-test-{Environment.ProcessId}-{Guid.NewGuid():N}.ctl"),
            Transport = "free-running", Demo = false, WarmupBlocks = 50,
        };
        using var supervisor = new EngineSupervisor(launch, null, NullLogger.Instance);
        supervisor.Start();
        Assert.True(supervisor.WaitForBlocks(100, TimeSpan.FromSeconds(60)), "the engine did not run");
        var status = supervisor.Channel.Status;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<ThreadPolicy> threads;
        ThreadPolicy? block, telemetry;
        do
        {
            threads = Threads(supervisor.EnginePid!.Value);
            block = threads.FirstOrDefault(t => t.Name == "engine-block");
            telemetry = threads.FirstOrDefault(t => t.Name.StartsWith("engine-telemet", StringComparison.Ordinal)); // comm keeps 15 characters
            if (telemetry != null && block != null && telemetry.Policy == block.Policy) break;
            Thread.Sleep(50); // the telemetry thread switches itself when it starts
        } while (DateTime.UtcNow < deadline);

        Assert.NotNull(block);
        Assert.NotNull(telemetry);
        Assert.Equal(block.Policy, telemetry.Policy);
        Assert.Equal(block.RtPriority, telemetry.RtPriority);
        if ((status->Flags & EngineFlags.Realtime) != 0)
        {
            Assert.Equal(1, telemetry.Policy); // SCHED_FIFO
            Assert.Equal(status->SchedPriority, telemetry.RtPriority);
        }
        supervisor.Stop();
    }
}
