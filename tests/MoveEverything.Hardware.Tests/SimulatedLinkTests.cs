using MoveEverything.Hardware;
using MoveEverything.Hardware.Simulated;

namespace MoveEverything.Hardware.Tests;

public sealed unsafe class SimulatedLinkTests : IDisposable
{
    private readonly SimulatedDeviceEndpoint _device = SimulatedDeviceEndpoint.CreateLink(SimulatedLink.NewPath());
    private readonly SimulatedMailboxTransport _engine;

    public SimulatedLinkTests()
    {
        // Attach through the path, as the engine process does: a second, independent mapping of the file.
        Assert.True(SimulatedMailboxTransport.TryAttach(_device.LinkPath, BlockClock.FreeRunning(), out var engine, out var fault),
            fault.Reason);
        _engine = engine!;
    }

    public void Dispose()
    {
        _engine.Dispose();
        _device.Dispose();
    }

    [Fact]
    public void Pages_travel_both_ways()
    {
        var engine = new Mailbox(_engine.Page);
        engine.WriteMidiOut([UsbMidiPacket.NoteOn(70, 5)]);
        engine.AudioOut[255] = 1234;
        _engine.Exchange();

        Assert.True(_device.TryReceive());
        Assert.Equal(UsbMidiPacket.NoteOn(70, 5), _device.Mailbox.MidiOut[0]);
        Assert.Equal(1234, _device.Mailbox.AudioOut[255]);

        _device.Mailbox.WriteMidiIn([new MidiInEvent(UsbMidiPacket.NoteOn(68, 100), 1)]);
        _device.Mailbox.AudioIn[0] = -77;
        Assert.True(_device.Send());
        _engine.Exchange();

        var received = new List<MidiInEvent>();
        foreach (var e in engine.MidiIn) received.Add(e);
        Assert.Equal(UsbMidiPacket.NoteOn(68, 100), Assert.Single(received).Packet);
        Assert.Equal(-77, engine.AudioIn[0]);
        Assert.Equal(1, _engine.RxMissing); // the first exchange found no answer yet
    }

    [Fact]
    public void Without_an_answer_the_engine_sees_no_midi_and_silence()
    {
        var engine = new Mailbox(_engine.Page);
        engine.RxHalf.Fill(0x33); // stale bytes from an earlier block
        _engine.Exchange();

        Assert.Equal(0, engine.MidiIn.Count());
        Assert.All(engine.AudioIn.ToArray(), s => Assert.Equal(0, s));
        Assert.Equal(1, _engine.RxMissing);
    }

    [Fact]
    public void A_device_that_does_not_keep_up_makes_the_engine_drop_tx_halves_not_block()
    {
        for (int i = 0; i < SimulatedLink.DefaultRingCapacity + 5; i++) _engine.Exchange();

        Assert.Equal(5, _engine.TxDropped);
        Assert.Equal(SimulatedLink.DefaultRingCapacity, _device.PendingTx);
    }

    [Fact]
    public void Ten_thousand_free_running_exchanges_with_a_device_allocate_nothing()
    {
        var engine = new Mailbox(_engine.Page);
        for (int i = 0; i < 100; i++) Block(engine, i);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) Block(engine, i);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(before, after);
        Assert.Equal(0, _engine.TxDropped);
        Assert.Equal(1, _engine.RxMissing);
    }

    private void Block(Mailbox engine, int i)
    {
        engine.AudioOut[0] = (short)i;
        _engine.Exchange();
        while (_device.TryReceive())
        {
            _device.Mailbox.AudioIn[0] = _device.Mailbox.AudioOut[0];
            _device.Send();
        }
    }

    [Fact]
    public void Attaching_to_a_missing_or_foreign_file_is_a_typed_fault()
    {
        string missing = SimulatedLink.NewPath();
        Assert.False(SimulatedMailboxTransport.TryAttach(missing, BlockClock.FreeRunning(), out _, out var fault));
        Assert.Equal(TransportFaultKind.LinkUnavailable, fault.Kind);
        Assert.Contains(missing, fault.Reason);

        string foreign = SimulatedLink.NewPath();
        File.WriteAllBytes(foreign, new byte[8192]);
        try
        {
            Assert.False(SimulatedMailboxTransport.TryAttach(foreign, BlockClock.FreeRunning(), out _, out fault));
            Assert.Equal(TransportFaultKind.LinkUnavailable, fault.Kind);
        }
        finally { File.Delete(foreign); }
    }
}
