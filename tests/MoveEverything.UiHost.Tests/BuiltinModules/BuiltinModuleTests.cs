using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Menu;
using MoveEverything.UiHost.Session;

namespace MoveEverything.UiHost.Tests.BuiltinModules;

/// <summary>The example modules shipped in modules/ run in the host and do what their READMEs say.</summary>
public class BuiltinModuleTests
{
    private static readonly DspTarget Slot1Synth = new(0, DspComponent.SoundGenerator);

    private static (LoopHarness H, UiHostLoop Loop, FolderModuleCatalog Catalog) Start()
    {
        var h = new LoopHarness();
        var catalog = new FolderModuleCatalog(RepoPaths.BuiltinModules);
        return (h, h.Start(catalog), catalog);
    }

    [Fact]
    public void Catalog_finds_the_step_sequencer_and_the_synth()
    {
        var (h, _, catalog) = Start();
        using var _h = h;
        Assert.Contains(catalog.Modules, m => m.Id == "mev-stepseq" && m.Manifest.ComponentType == "overtake");
        Assert.Contains(catalog.Modules, m => m.Id == "mev-synth");
    }

    [Fact]
    public void Step_sequencer_toggles_steps_plays_the_slot_synth_saves_its_pattern_and_cleans_up()
    {
        var (h, loop, _) = Start();
        using var _h = h;
        Assert.True(loop.Open("mev-stepseq"));
        h.Ticks(25); // LED clear, then init
        Assert.True(loop.Active!.InitDone);
        Assert.Empty(h.Faults.Faults);

        h.Link.Inject(InputEvent.NoteOn(16, 100)); // step 1 on
        loop.Tick();
        Assert.Contains(h.Link.HardwareMidi, p => p is { Status: 0x90, Data1: 16, Data2: 126 }); // step LED green
        var pattern = File.ReadAllText(Path.Combine(h.DataRoot, "mev-stepseq", "pattern.json"));
        Assert.StartsWith("{\"steps\":[60,null", pattern);

        h.Press(85); // Play: the first step sounds at once
        loop.Tick();
        Assert.Contains(h.Link.DspMidi, m => m.Target == Slot1Synth && m.Message is [0x90, 60, 100]);
        Assert.NotNull(h.Link.LastFrame);

        h.Escape();
        loop.Tick();
        Assert.Null(loop.Active);
        Assert.Contains(h.Link.DspMidi, m => m.Target == Slot1Synth && m.Message is [0x80, 60, 0]); // onUnload note-off
        Assert.Empty(h.Faults.Faults);
    }

    [Fact]
    public void Synth_editor_shows_and_edits_the_slot_synth_params()
    {
        var (h, loop, catalog) = Start();
        using var _h = h;
        h.Link.SeedParam(Slot1Synth, "waveform", "saw");
        h.Link.SeedParam(Slot1Synth, "cutoff", "1000");
        var synth = catalog.Modules.Single(m => m.Id == "mev-synth");
        loop.Execute(new MenuCommand.AssignSlot(synth, 0));
        loop.Execute(new MenuCommand.Open(synth, LaunchKind.ComponentEditor, 0));
        Assert.NotNull(loop.Active);
        loop.Tick();
        var before = h.Link.LastFrame!;

        h.Link.Inject(InputEvent.Cc(71, 1)); // knob 1: waveform → next
        h.Link.Inject(InputEvent.Cc(72, 10)); // knob 2: cutoff up
        loop.Tick();
        Assert.Equal("square", h.Link.GetParam(Slot1Synth, "waveform"));
        Assert.True(double.Parse(h.Link.GetParam(Slot1Synth, "cutoff")!) > 1000);
        Assert.False(before.AsSpan().SequenceEqual(h.Link.LastFrame!));
        Assert.Empty(h.Faults.Faults);
    }
}
