using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Tests.Plugins;

/// <summary>Calls the host_api_v1_t function pointers the way a plugin would.</summary>
public unsafe class HostApiBlockTests
{
    [Fact]
    public void The_block_is_filled_as_the_spec_documents()
    {
        using var services = new HostServices(new DspOptions());
        using var block = new HostApiBlock(services, slot: 1, receiveChannel: 3, grantMailboxAccess: false);
        var api = block.Pointer;
        Assert.Equal(1u, api->ApiVersion);
        Assert.Equal(44100, api->SampleRate);
        Assert.Equal(128, api->FramesPerBlock);
        Assert.Equal(256, api->AudioOutOffset);
        Assert.Equal(2304, api->AudioInOffset);
        Assert.True(api->Log != null && api->MidiSendInternal != null && api->MidiSendExternal != null);
        Assert.True(api->GetClockStatus != null && api->GetBpm != null && api->MidiInjectToMove != null && api->SlotRecvChannel != null);
        Assert.True(api->ModEmitValue == null && api->ModClearSource == null); // documented: no modulation host yet
        Assert.True(api->MappedMemory == null);
        Assert.Equal(3, api->SlotRecvChannel(api->ModHostCtx));
        int foreign = 0;
        Assert.Equal(-2, api->SlotRecvChannel(&foreign));
        Assert.Equal(-2, api->SlotRecvChannel(null));
    }

    [Fact]
    public void Mapped_memory_is_the_mailbox_only_with_consent()
    {
        byte* mailbox = stackalloc byte[16];
        using var services = new HostServices(new DspOptions(), mailbox);
        using var denied = new HostApiBlock(services, 0, -1, grantMailboxAccess: false);
        using var granted = new HostApiBlock(services, 0, -1, grantMailboxAccess: true);
        Assert.True(denied.Pointer->MappedMemory == null);
        Assert.True(granted.Pointer->MappedMemory == mailbox);
    }

    [Fact]
    public void Tempo_and_clock_come_from_the_services()
    {
        using var services = new HostServices(new DspOptions());
        services.BindBlockThread();
        using var block = new HostApiBlock(services, 0, -1, false);
        Assert.Equal(120f, block.Pointer->GetBpm());
        services.Bpm = 93.5f;
        services.ClockStatus = AbiConstants.ClockStatusRunning;
        Assert.Equal(93.5f, block.Pointer->GetBpm());
        Assert.Equal(2, block.Pointer->GetClockStatus());
    }

    [Fact]
    public void Midi_sends_from_the_block_thread_queue_whole_packets_and_inject_forces_cable_0_and_caps_per_block()
    {
        using var services = new HostServices(new DspOptions { InjectPacketsPerBlock = 8 });
        services.BindBlockThread();
        using var block = new HostApiBlock(services, 0, -1, false);
        byte* packets = stackalloc byte[] { 0x29, 0x90, 60, 100, 0x28, 0x80, 60, 0 };
        Assert.Equal(8, block.Pointer->MidiSendExternal(packets, 8));
        Assert.Equal(0, block.Pointer->MidiSendExternal(packets, 3)); // not a whole packet
        Assert.True(services.MidiOutExternal.TryRead(out var first));
        Assert.Equal((0x29, 0x90, 60, 100), (first.Header, first.Status, first.Data1, first.Data2));
        Assert.Equal(2, first.Cable);

        int accepted = 0;
        for (int i = 0; i < 12; i++) accepted += block.Pointer->MidiInjectToMove(packets, 4);
        Assert.Equal(8 * 4, accepted);
        Assert.True(services.MidiInjectToMove.TryRead(out var injected));
        Assert.Equal(0, injected.Cable);
        services.BeginBlock();
        Assert.Equal(4, block.Pointer->MidiInjectToMove(packets, 4));
        Assert.Equal(0, block.Pointer->MidiInjectToMove(packets, 8)); // exactly one packet per call
    }

    [Fact]
    public void A_log_line_is_copied_into_a_fixed_record_and_a_long_one_is_cut_and_flagged()
    {
        using var services = new HostServices(new DspOptions());
        services.BindBlockThread();
        using var block = new HostApiBlock(services, 0, -1, false);
        byte[] shortLine = "voice stolen\0"u8.ToArray();
        byte[] longLine = System.Text.Encoding.UTF8.GetBytes(new string('x', 500) + "\0");
        fixed (byte* p = shortLine) block.Pointer->Log(p);
        fixed (byte* p = longLine) block.Pointer->Log(p);
        Assert.True(services.BlockLog.TryRead(out var first));
        Assert.Equal("voice stolen", first.MessageText());
        Assert.Equal(0, first.Flags);
        Assert.True(services.BlockLog.TryRead(out var second));
        Assert.Equal(new string('x', LogRecord.TextCapacity), second.MessageText());
        Assert.Equal(LogRecord.FlagTruncated, second.Flags);
        Assert.Equal(256, sizeof(LogRecord));
    }

    [Fact]
    public void Callbacks_after_the_services_were_disposed_answer_neutrally_instead_of_touching_freed_rings()
    {
        var services = new HostServices(new DspOptions());
        services.BindBlockThread();
        var block = new HostApiBlock(services, 0, -1, false);
        services.Dispose();
        byte* packet = stackalloc byte[] { 0x09, 0x90, 60, 100 };
        byte[] line = "late\0"u8.ToArray();
        Assert.Equal(0, block.Pointer->MidiSendInternal(packet, 4));
        fixed (byte* p = line) block.Pointer->Log(p);
        Assert.Equal(120f, block.Pointer->GetBpm());
        block.Dispose();
    }

    [Fact]
    public void A_thread_that_bound_nothing_gets_neutral_answers_and_nothing_is_queued()
    {
        using var services = new HostServices(new DspOptions());
        using var block = new HostApiBlock(services, 0, -1, false);
        var result = Task.Run(() =>
        {
            byte* packet = stackalloc byte[] { 0x09, 0x90, 60, 100 };
            return block.Pointer->MidiSendInternal(packet, 4);
        }).Result;
        Assert.Equal(0, result);
        Assert.Equal(0, services.MidiOutInternal.Count);
    }
}
