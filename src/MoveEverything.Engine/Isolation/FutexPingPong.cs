using System.Diagnostics;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// The floor for isolated mode on this machine: a raw futex ping-pong between this process and a child (the
/// engine executable in <c>pingpong</c> mode) over two shared words, nothing else. <see cref="Measure"/> returns
/// one round trip per sample in µs. Used by <c>mev bench recovery</c> next to the worker round trip.
/// </summary>
public static unsafe class FutexPingPong
{
    public const string Verb = "pingpong";
    private const int Size = 4096, Ping = 0, Pong = 64, ReadyWord = 128;

    /// <summary>Runs <paramref name="rounds"/> round trips after <paramref name="warmup"/> unmeasured ones.</summary>
    public static double[] Measure(int rounds, int warmup = 200)
    {
        string path = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-pingpong-{Environment.ProcessId}-{Guid.NewGuid():N}.shm");
        using var region = SharedMemoryRegion.Create(path, Size);
        byte* m = region.Pointer;
        int* ping = (int*)(m + Ping), pong = (int*)(m + Pong), ready = (int*)(m + ReadyWord);
        var info = WorkerProcess.StartInfo([Verb, path]);
        using var child = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("ping-pong child did not start");
        try
        {
            var clock = Stopwatch.StartNew();
            while (Volatile.Read(ref *ready) == 0)
            {
                if (child.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20)) throw new InvalidOperationException("ping-pong child did not start");
                Thread.Sleep(1);
            }
            var samples = new double[rounds];
            for (int i = 1; i <= warmup + rounds; i++)
            {
                long start = Stopwatch.GetTimestamp();
                Volatile.Write(ref *ping, i);
                Futex.Wake(ping);
                while (Volatile.Read(ref *pong) != i) Futex.Wait(pong, i - 1, 100);
                if (i > warmup) samples[i - warmup - 1] = (Stopwatch.GetTimestamp() - start) * 1_000_000.0 / Stopwatch.Frequency;
            }
            Volatile.Write(ref *ping, -1);
            Futex.Wake(ping);
            return samples;
        }
        finally
        {
            if (!child.WaitForExit(2000)) child.Kill();
            File.Delete(path);
        }
    }

    /// <summary>Child side: answers every ping with the same number until it reads −1.</summary>
    public static int RunChild(IReadOnlyList<string> args)
    {
        if (args.Count != 1) { Console.Error.WriteLine("usage: pingpong SHM"); return 2; }
        using var region = SharedMemoryRegion.Open(args[0], Size);
        byte* m = region.Pointer;
        int* ping = (int*)(m + Ping), pong = (int*)(m + Pong), ready = (int*)(m + ReadyWord);
        Volatile.Write(ref *ready, 1);
        int last = 0;
        while (true)
        {
            int value = Volatile.Read(ref *ping);
            if (value == -1) return 0;
            if (value == last) { Futex.Wait(ping, last, 100); continue; }
            last = value;
            Volatile.Write(ref *pong, value);
            Futex.Wake(pong);
        }
    }
}
