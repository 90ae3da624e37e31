using MoveEverything.Engine.Tests.Process;
using MoveEverything.Engine.Tests.Support;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Tests.Isolation;

/// <summary>
/// get_param of a module in a DSP worker, through the real engine process: the block thread hands the request to the
/// control thread, which asks the worker between two of its renders and replies through the event ring (and the
/// large-value buffer for long answers). Set-then-get reads the new value; the mailbox grant reaches the worker.
/// </summary>
public sealed unsafe class IsolatedParamTests
{
    private const int Gen = SlotStatus.GeneratorPosition;

    private static EngineLaunch Untrusted(params ChainLoad[] loads) => new()
    {
        Transport = "free-running", Realtime = false, Demo = false, Loads = loads, // default mode: untrusted loads isolate
    };

    private static void WaitRendering(EngineProcessHarness engine, int slots)
    {
        var status = engine.Status;
        try
        {
            engine.WaitUntil(() => Enumerable.Range(0, slots).All(s => status->SlotTable[s].Modules[Gen].State == ModuleRunState.Running)
                && Volatile.Read(ref status->Heartbeat) > 2, "the start-up chain loaded and rendered");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + ": " + string.Join(", ", Enumerable.Range(0, slots).Select(s =>
                $"slot {s + 1} {status->SlotTable[s].Modules[Gen].State} {(LoadResultCode)status->SlotTable[s].Modules[Gen].Reason}"))
                + $", heartbeat {status->Heartbeat}", e);
        }
    }

    [Fact]
    public void A_known_param_of_an_isolated_synth_round_trips()
    {
        using var engine = new EngineProcessHarness(Untrusted(new ChainLoad(0, Gen, NativeArtifacts.Plugin("mev_synth"))));
        WaitRendering(engine, 1);
        Assert.Equal(1, engine.Status->SlotTable[0].Modules[Gen].Isolated);

        Assert.Equal("saw", Answered(engine, "synth:waveform"));
        engine.Send(EngineCommand.ParamSet(0, Gen, "synth:waveform", "square"));
        engine.Send(EngineCommand.ParamSet(0, Gen, "synth:cutoff", "1234.5"));
        Assert.Equal("square", Answered(engine, "synth:waveform"));
        Assert.Equal("1234.5000", Answered(engine, "synth:cutoff"));
        Assert.Null(engine.GetParam(0, Gen, "synth:no_such_param", 4));
        string? chainParams = Answered(engine, "synth:chain_params"); // longer than an event: large-value path
        Assert.NotNull(chainParams);
        Assert.True(chainParams!.Length >= EngineEvent.InlineTextBytes, $"chain_params was only {chainParams.Length} bytes");
        Assert.Contains("cutoff", chainParams);
    }

    private static uint s_request = 1000;

    /// <summary>
    /// The first answer that is not "none" for slot 1's generator. By contract a worker that does not answer within
    /// the control thread's timeout (a heavily loaded shared machine) gets "none"; asking again is what a UI does.
    /// </summary>
    private static string? Answered(EngineProcessHarness engine, string key)
    {
        string? value = null;
        engine.WaitUntil(() => (value = engine.GetParam(0, Gen, key, ++s_request)) != null, $"an answer for {key}");
        return value;
    }

    [Fact]
    public void A_worker_stuck_in_get_param_answers_none_and_only_its_slot_pays()
    {
        const int Victim = 0, Faulty = 1;
        using var engine = new EngineProcessHarness(Untrusted(
            new ChainLoad(Victim, Gen, NativeArtifacts.Plugin("mev_noise"), LoadFlags.Trusted),
            new ChainLoad(Faulty, Gen, NativeArtifacts.Faulty("hang_param"))));
        WaitRendering(engine, 2);
        var status = engine.Status;
        Assert.Equal(1, status->SlotTable[Faulty].Modules[Gen].Isolated);

        Assert.Null(engine.GetParam(Faulty, Gen, "synth:anything", 1)); // the control thread gave up; the block thread never waited
        engine.WaitUntil(() => status->SlotTable[Faulty].Modules[Gen].State == ModuleRunState.Crashed, "the watchdog blames the hung worker");
        Assert.Equal(LoadResultCode.WorkerFaulted, (LoadResultCode)status->SlotTable[Faulty].Modules[Gen].Reason);
        Assert.Equal((ModuleFaultKind.Hang, PluginPhase.Param), (status->SlotTable[Faulty].Modules[Gen].FaultKind, status->SlotTable[Faulty].Modules[Gen].FaultPhase));
        long beat = Volatile.Read(ref status->Heartbeat);
        status->SlotTable[Victim].Peak = 0;
        engine.WaitUntil(() => status->SlotTable[Victim].Peak > 0 && Volatile.Read(ref status->Heartbeat) > beat + 10, "the engine plays on");
        Assert.Equal(ModuleRunState.Running, status->SlotTable[Victim].Modules[Gen].State);
    }

    [Fact]
    public void The_mailbox_grant_reaches_a_worker_as_a_mirror_and_its_absence_as_null()
    {
        string probe = NativeArtifacts.Plugin("mev_mailbox_probe");
        using var engine = new EngineProcessHarness(Untrusted(new ChainLoad(0, Gen, probe, LoadFlags.GrantMailbox), new ChainLoad(1, Gen, probe)));
        WaitRendering(engine, 2);
        Assert.Equal(1, engine.Status->SlotTable[0].Modules[Gen].Isolated);
        Assert.Equal(1, engine.Status->SlotTable[1].Modules[Gen].Isolated);
        Assert.Equal("1", Answered(engine, "synth:mapped_memory"));
        uint request = 3;
        string? denied = null;
        engine.WaitUntil(() => (denied = engine.GetParam(1, Gen, "synth:mapped_memory", request++)) != null, "an answer from slot 2");
        Assert.Equal("0", denied);
        // The granted probe's own output lands in the engine's page (audio out), so its mirror fills with data.
        engine.WaitUntil(() => int.Parse(engine.GetParam(0, Gen, "synth:mailbox_nonzero", request++) ?? "0") > 0,
            "the worker's mirror shows the engine's page");
    }
}
