using MoveEverything.Engine.Tests.Support;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Tests.Process;

/// <summary>
/// The mailbox grant travels with the load (issue 6 item 5): through the real engine process, a plugin loaded
/// without <see cref="LoadFlags.GrantMailbox"/> sees host_api_v1_t.mapped_memory = NULL, one loaded with it sees the
/// page; the status entry echoes the flags it was loaded with. The probe plugin reports its own pointer.
/// </summary>
public sealed unsafe class MailboxGrantTests
{
    private const int Gen = SlotStatus.GeneratorPosition;

    private static string Probe => NativeArtifacts.Plugin("mev_mailbox_probe");

    private static EngineLaunch Launch(string isolate, params ChainLoad[] loads) => new()
    {
        Transport = "free-running", Realtime = false, Demo = false, Isolate = isolate, Loads = loads,
    };

    [Fact]
    public void Control_channel_load_fills_mapped_memory_only_with_the_grant()
    {
        using var engine = new EngineProcessHarness(Launch("none"));
        Assert.Equal((int)LoadResultCode.Ok, engine.Ask(EngineCommand.LoadPlugin(0, Gen, Probe, 1, LoadFlags.None)).Code);
        Assert.Equal((int)LoadResultCode.Ok, engine.Ask(EngineCommand.LoadPlugin(1, Gen, Probe, 2, LoadFlags.GrantMailbox | LoadFlags.Trusted)).Code);

        Assert.Equal("0", engine.GetParam(0, Gen, "synth:mapped_memory", 3));
        Assert.Equal("1", engine.GetParam(1, Gen, "synth:mapped_memory", 4));
        Assert.Null(engine.GetParam(0, Gen, "synth:mailbox_nonzero", 5)); // NULL: the probe answers none

        var status = engine.Status;
        Assert.Equal(LoadFlags.None, status->SlotTable[0].Modules[Gen].Flags);
        Assert.Equal(LoadFlags.GrantMailbox | LoadFlags.Trusted, status->SlotTable[1].Modules[Gen].Flags);
        Assert.Equal(0, status->SlotTable[1].Modules[Gen].Isolated);
    }

    [Fact]
    public void Start_up_load_carries_its_flags_into_the_plugin_and_the_status_entry()
    {
        using var engine = new EngineProcessHarness(Launch("none",
            new ChainLoad(0, Gen, Probe, LoadFlags.GrantMailbox), new ChainLoad(1, Gen, Probe)));
        var status = engine.Status;
        // Start-up chains are adopted by the first rendered block; a get before it finds the slot empty.
        engine.WaitUntil(() => status->SlotTable[1].Modules[Gen].State == ModuleRunState.Running && Volatile.Read(ref status->Heartbeat) > 2,
            "both probes loaded and rendered");
        Assert.Equal("1", engine.GetParam(0, Gen, "synth:mapped_memory", 1));
        Assert.Equal("0", engine.GetParam(1, Gen, "synth:mapped_memory", 2));
        Assert.Equal(LoadFlags.GrantMailbox, status->SlotTable[0].Modules[Gen].Flags);
        Assert.Equal(LoadFlags.None, status->SlotTable[1].Modules[Gen].Flags);
    }
}
