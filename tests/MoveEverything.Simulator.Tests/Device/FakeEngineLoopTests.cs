using MoveEverything.Hardware;
using MoveEverything.Simulator.Device;

namespace MoveEverything.Simulator.Tests.Device;

/// <summary>The simulated Move against an in-process engine loop: play a pad, see its LED, the display and hear it.</summary>
public class FakeEngineLoopTests
{
    [Fact]
    public void Pressing_a_pad_lights_it_redraws_the_display_and_makes_sound_when_pumped()
    {
        using var rig = new DeviceRig();
        var engine = new FakeEngine(rig.Transport);
        for (int i = 0; i < 14; i++) { engine.Step(); rig.Move.Pump(); }
        var before = rig.Move.Snapshot();

        rig.Move.PressPad(5, 100);
        for (int i = 0; i < 20; i++) { engine.Step(); rig.Move.Pump(); }
        var after = rig.Move.Snapshot();

        Assert.Equal(0, before.PadLed(5));
        Assert.Equal(0, before.LastBlockPeak);
        Assert.False(before.Pixel(20, 30));
        Assert.Equal(FakeEngine.LitColour, after.PadLed(5));
        Assert.True(after.Pixel(23, 30)); // bar of (5 + 1) × 4 pixels
        Assert.False(after.Pixel(24, 30));
        Assert.InRange(after.LastBlockPeak, 1000, 8000); // a decaying pluck
        Assert.Equal(1, engine.NotesReceived);
    }

    [Fact]
    public void The_device_thread_serves_an_engine_running_on_another_thread()
    {
        using var rig = new DeviceRig();
        using var engine = new FakeEngine(rig.Transport);
        rig.Move.Start();
        Assert.Throws<InvalidOperationException>(() => rig.Move.Pump());
        engine.Start();

        rig.Move.PressPad(31, 127);

        Assert.True(DeviceRig.WaitFor(() => rig.Move.Snapshot().PadLed(31) == FakeEngine.LitColour), "pad LED never lit");
        Assert.True(DeviceRig.WaitFor(() => rig.Move.Snapshot().Pixel(127, 30)), "display never showed the bar");
        rig.Move.Stop();
        Assert.False(rig.Move.IsRunning);
    }
}
