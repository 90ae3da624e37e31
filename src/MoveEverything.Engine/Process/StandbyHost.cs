using System.Runtime.InteropServices;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// `MoveEverything.Engine standby [--warmup-blocks N] [--lock-memory]`: a warm spare engine. It runs the whole
/// engine (control, telemetry and block threads, the managed demo synth and the built-in native modules — our own
/// mev-arp, mev-synth, mev-delay when they ship beside the engine — played by notes) against a private scratch
/// channel on the unpaced transport, so the runtime has started and the load, command and block paths are
/// JIT-compiled; tears that down; with --lock-memory locks its pages (mlockall, what the realtime engine does
/// first, ≈ 50–150 ms on a loaded machine, is then nearly free at activation); prints "ready" on stdout and parks
/// reading stdin. One line of tab-separated engine arguments
/// (<see cref="EngineLaunch.ToArgs"/>) activates it as the real engine; end of input (the supervisor dropped it or
/// died) ends it. Invariants: before activation it never opens the real channel, the device or the link, never
/// asks for realtime priority or mlockall, and produces no audio anywhere but its scratch channel.
/// </summary>
internal static unsafe partial class StandbyHost
{
    public const string Verb = "standby", ReadyLine = "ready";
    public const char ArgumentSeparator = '\t';
    private const int DefaultWarmupBlocks = 1000;

    public static int Run(IReadOnlyList<string> args)
    {
        int blocks = DefaultWarmupBlocks;
        bool lockMemory = false;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--lock-memory") lockMemory = true;
            else if (args[i] == "--warmup-blocks" && i + 1 < args.Count && int.TryParse(args[i + 1], out int b) && b >= 0) { blocks = b; i++; }
            else
            {
                Console.Error.WriteLine("MoveEverything.Engine standby: usage: standby [--warmup-blocks N] [--lock-memory]");
                return 2;
            }
        }
        if (blocks > 0) WarmUp(blocks);
        if (lockMemory) MemoryLockedWhileParked = LinuxRealtime.TryLockMemory() == 0; // refused → asked again at activation
        Console.Out.WriteLine(ReadyLine);
        Console.Out.Flush();
        string? line = Console.In.ReadLine();
        if (line == null) return 0;
        var parsed = EngineArguments.Parse(line.Split(ArgumentSeparator)) with { EnteredNanos = LinuxRealtime.NowNanos() };
        if (parsed.Error != null)
        {
            Console.Error.WriteLine($"MoveEverything.Engine standby: bad activation: {parsed.Error}");
            return 2;
        }
        return Program.RunEngine(parsed);
    }

    /// <summary>Runs the engine for <paramref name="blocks"/> blocks on a scratch channel, playing notes into the demo synth.</summary>
    private static void WarmUp(int blocks)
    {
        string path = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-standby-{Environment.ProcessId}-{Guid.NewGuid():N}.ctl");
        using var channel = ControlChannel.Create(path);
        // Through the same parser an activation line takes, so that is compiled too.
        var launch = new EngineLaunch { ChannelPath = path, Transport = "unpaced", Realtime = false, Demo = true, WarmupBlocks = 0, Loads = BuiltinNativeModules() };
        var args = EngineArguments.Parse(launch.ToArgs());
        if (args.Error != null) return;
        var host = new EngineHost(args);
        // Warm-up threads run at nice 10 (threads inherit it from the one that creates them): a standby must not take CPU
        // from the playing engine. The main thread, which later runs the activated engine, keeps its priority.
        var engine = new Thread(() => { setpriority(PrioProcess, gettid(), WarmupNice); host.Run(); }) { Name = "standby-warmup" };
        engine.Start();
        uint note = 0;
        while (engine.IsAlive && Volatile.Read(ref channel.Status->Heartbeat) < blocks)
        {
            uint key = 48 + note++ % 24, noteOn = note % 2;
            uint packet = (0x08 | noteOn) | (0x80u | noteOn << 4) << 8 | key << 16 | 100u << 24;
            channel.Commands.TryWrite(EngineCommand.MidiToSlot(0, packet));
            channel.Commands.TryWrite(EngineCommand.MidiToSlot(WarmupSlot, packet));
            while (channel.Events.TryRead(out _)) { }
            while (channel.BlockLog.TryRead(out _)) { }
            while (channel.ControlLog.TryRead(out _)) { }
            Thread.Sleep(1);
        }
        host.RequestStop();
        engine.Join();
    }

    /// <summary>This process locked current and future pages before parking; the activated engine need not walk them again.</summary>
    public static bool MemoryLockedWhileParked { get; private set; }

    private const int WarmupSlot = 1, WarmupNice = 10, PrioProcess = 0;

    [LibraryImport("libc")]
    private static partial int setpriority(int which, int who, int priority);

    [LibraryImport("libc")]
    private static partial int gettid();

    /// <summary>Our own native modules shipped beside the engine (trusted code: they cannot crash the standby), one per ABI kind.</summary>
    private static IReadOnlyList<ChainLoad> BuiltinNativeModules()
    {
        string modules = Path.Combine(AppContext.BaseDirectory, "modules");
        (int Position, string Library)[] candidates =
        [
            (0, Path.Combine(modules, "midi_fx", "mev-arp", "dsp.so")),
            (SlotStatus.GeneratorPosition, Path.Combine(modules, "sound_generators", "mev-synth", "dsp.so")),
            (SlotStatus.FirstAudioFxPosition, Path.Combine(modules, "audio_fx", "mev-delay", "mev-delay.so")),
        ];
        return candidates.Where(c => File.Exists(c.Library)).Select(c => new ChainLoad(WarmupSlot, c.Position, c.Library, LoadFlags.Trusted)).ToArray();
    }
}
