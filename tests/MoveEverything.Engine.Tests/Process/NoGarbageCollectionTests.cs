using MoveEverything.Ipc;

namespace MoveEverything.Engine.Tests.Process;

/// <summary>
/// The engine process allocates nothing in steady state: its GC counters, read from the status block that its
/// telemetry thread fills, do not move while ≥ 10,000 blocks of MIDI and parameter traffic run through it.
/// </summary>
public sealed unsafe class NoGarbageCollectionTests
{
    private const int TrafficBlocks = 10_000;

    private static string NativeSynth => Path.Combine(AppContext.BaseDirectory, "native", "mev_synth.so");

    private static EngineLaunch FourSynths(string synthPath) => new()
    {
        Transport = "unpaced", // blocks back to back: 10,000 blocks in seconds instead of 29 s of real time
        Realtime = false,      // an unpaced SCHED_FIFO loop would starve a shared 2-core machine
        Demo = false,
        WarmupBlocks = 300,
        // Trusted: four synths in the engine process, the guarantee under test (isolated synths have their own test).
        Loads = Enumerable.Range(0, 4).Select(s => new ChainLoad(s, SlotStatus.GeneratorPosition, synthPath, LoadFlags.Trusted)).ToArray(),
    };

    [Theory]
    [InlineData("native", "synth:gain")]   // mev_synth.so through the C ABI, namespaced keys as the UI sends them
    [InlineData("builtin", "gain")]        // the managed demo synth
    public void Ten_thousand_blocks_of_midi_and_param_traffic_allocate_nothing_and_collect_nothing(string synth, string gainKey)
    {
        string path = synth == "native" ? NativeSynth : ChainLoad.BuiltinSynthPath;
        if (synth == "native") Assert.True(File.Exists(path), $"{path} was not built");
        using var engine = new EngineProcessHarness(FourSynths(path));
        var status = engine.Status;
        engine.WaitUntil(() => (status->Flags & EngineFlags.SteadyState) != 0, "steady state");
        // Warm-up with the same traffic: first calls run lazy static initialisers (number formatting tables).
        var traffic = new Traffic(engine, gainKey, synth == "native");
        traffic.RunUntilBlock(Volatile.Read(ref status->Heartbeat) + 1_000);
        engine.WaitForFreshTelemetry();
        long gen0 = status->Gen0Collections, gen1 = status->Gen1Collections, gen2 = status->Gen2Collections;
        long allocated = status->AllocatedBytes;
        long appliedBefore = status->CommandsApplied;
        int repliesBefore = traffic.Replies;

        traffic.RunUntilBlock(Volatile.Read(ref status->Heartbeat) + TrafficBlocks);
        engine.WaitForFreshTelemetry();
        int replies = traffic.Replies - repliesBefore;

        Assert.True(status->CommandsApplied - appliedBefore >= TrafficBlocks, $"only {status->CommandsApplied - appliedBefore} commands reached the engine");
        Assert.True(replies > 100, $"only {replies} parameter replies came back");
        if (synth == "native") Assert.True(traffic.LargeReplies > 0, "no chain_params reply used the large-value buffer");
        for (int s = 0; s < 4; s++) Assert.True(status->SlotTable[s].PeakHold > 0.01f, $"slot {s + 1} made no sound");
        Assert.Equal((gen0, gen1, gen2), (status->Gen0Collections, status->Gen1Collections, status->Gen2Collections));
        Assert.Equal(allocated, status->AllocatedBytes);
    }

    /// <summary>
    /// get_param of a module in a DSP worker goes block thread → control thread → worker → control thread → block
    /// thread → event (large values through the control thread's buffer): none of it allocates in the engine process.
    /// Paced (a worker cannot keep up with an unpaced engine), so fewer blocks than above.
    /// </summary>
    [Fact]
    public void Parameter_reads_of_an_isolated_synth_allocate_nothing_in_the_engine()
    {
        Assert.True(File.Exists(NativeSynth), $"{NativeSynth} was not built");
        using var engine = new EngineProcessHarness(new EngineLaunch
        {
            Transport = "free-running", Realtime = false, Demo = false, WarmupBlocks = 300, Isolate = "all",
            Loads = [new ChainLoad(0, SlotStatus.GeneratorPosition, NativeSynth)],
        });
        var status = engine.Status;
        engine.WaitUntil(() => (status->Flags & EngineFlags.SteadyState) != 0, "steady state");
        Assert.Equal(1, status->SlotTable[0].Modules[SlotStatus.GeneratorPosition].Isolated);
        var traffic = new Traffic(engine, "synth:gain", native: true, slots: 1, pause: true);
        traffic.RunUntilBlock(Volatile.Read(ref status->Heartbeat) + 300);
        engine.WaitForFreshTelemetry();
        long gcs = status->Gen0Collections + status->Gen1Collections + status->Gen2Collections, allocated = status->AllocatedBytes;
        int replies = traffic.Replies, large = traffic.LargeReplies;

        traffic.RunUntilBlock(Volatile.Read(ref status->Heartbeat) + 1_500);
        engine.WaitForFreshTelemetry();

        // A worker fault (a bypass when the loaded machine starves the worker) is not steady state: it is reported,
        // which allocates. Say so rather than blame the parameter path.
        var module = status->SlotTable[0].Modules[SlotStatus.GeneratorPosition];
        Assert.True(module.State == ModuleRunState.Running, $"the isolated synth left steady state: {module.State} ({(LoadResultCode)module.Reason})");
        Assert.True(traffic.Replies - replies > 100, $"only {traffic.Replies - replies} parameter replies came back from the worker");
        Assert.True(traffic.LargeReplies > large, "no chain_params reply from the worker used the large-value buffer");
        Assert.Equal(gcs, status->Gen0Collections + status->Gen1Collections + status->Gen2Collections);
        Assert.Equal(allocated, status->AllocatedBytes);
    }

    /// <summary>Notes, parameter sets and gets, injected pad input and LED output, round-robin over the 4 slots.</summary>
    private sealed class Traffic(EngineProcessHarness engine, string gainKey, bool native, int slots = 4, bool pause = false)
    {
        private uint _request;
        private int _i;
        public int Replies { get; private set; }
        public int LargeReplies { get; private set; }

        public void RunUntilBlock(long block)
        {
            while (Volatile.Read(ref engine.Status->Heartbeat) < block)
            {
                int slot = _i % slots, note = 68 + (_i % 32);
                engine.Send(EngineCommand.MidiToSlot(slot, 0x7F00_9009u | (uint)note << 16));
                engine.Send(EngineCommand.ParamSet(slot, SlotStatus.GeneratorPosition, gainKey, (_i % 2 == 0) ? "0.7" : "0.6"));
                engine.Send(EngineCommand.ParamGet(slot, SlotStatus.GeneratorPosition, gainKey, ++_request));
                if (native && _i % 16 == 0) // a value too large for an event: goes through the large-value buffer
                    engine.Send(EngineCommand.ParamGet(slot, SlotStatus.GeneratorPosition, "synth:chain_params", ++_request));
                engine.Send(EngineCommand.InjectInput(0x0000_8008u | (uint)note << 16)); // note-off as if from the pads
                engine.Send(EngineCommand.MidiOut(0x7F00_9009u | (uint)note << 16));     // an LED
                while (engine.Channel.Events.TryRead(out var e))
                {
                    if (e.Kind == EventKind.ParamReply && e.Code == 0) Replies++;
                    if (e.HasLargeValue) LargeReplies++;
                }
                _i++;
                if (pause) Thread.Sleep(1); // about one round per block: a worker answers between its renders
            }
        }
    }
}
