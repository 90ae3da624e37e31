using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Tests.Realtime;

/// <summary>The engine process's rack contract (IEngineRack) served by native plugins.</summary>
public unsafe class NativeEngineRackTests
{
    private static string Module(string category, string id, string file = "dsp.so") =>
        Path.Combine(NativeArtifacts.ModulesDirectory, category, id, file);

    [Fact]
    public void Built_in_modules_load_by_position_play_and_publish_status_and_the_pedal()
    {
        var status = (StatusBlock*)NativeMemory.AllocZeroed((nuint)StatusBlock.Size);
        try
        {
            using var rack = new NativeEngineRack(new DspOptions());
            rack.AttachStatus(status);
            var synth = rack.Load(0, EngineCommand.ChainPosition, Module("sound_generators", "mev-synth"));
            Assert.True(synth.Succeeded, synth.Detail);
            Assert.Equal("mev-synth", synth.ModuleId);
            Assert.True(rack.Load(0, SlotStatus.FirstAudioFxPosition, Module("audio_fx", "mev-delay", "mev-delay.so")).Succeeded);
            Assert.True(rack.Load(0, 0, Module("midi_fx", "mev-arp")).Succeeded);
            Assert.False(rack.SetParam(0, SlotStatus.GeneratorPosition, "waveform"u8, "square"u8)); // not adopted before a block

            var block = new short[AbiConstants.SamplesPerBlock];
            long pluginNs = 0;
            fixed (short* p = block)
                for (int b = 0; b < 40; b++)
                {
                    if (b == 1)
                    {
                        Assert.True(rack.SetParam(0, SlotStatus.GeneratorPosition, "waveform"u8, "square"u8));
                        Assert.True(rack.SetParam(0, EngineCommand.ChainPosition, "fx1:mix"u8, "0.2"u8));
                        rack.Midi(0, 0x64_3C_90_09u); // cable 0, note-on 60 velocity 100
                    }
                    pluginNs += rack.Render(p, AbiConstants.FramesPerBlock);
                }
            Assert.True(status->SlotTable[0].PeakHold > 0.05f, "the arp played the synth through the delay");
            Assert.True(pluginNs > 0);
            ref var generator = ref status->SlotTable[0].Modules[SlotStatus.GeneratorPosition];
            Assert.Equal(40, generator.Calls);
            Assert.True(generator.MaxNs >= generator.LastNs && generator.TotalNs > 0);
            Assert.Equal(0, status->Pedal.Inside);
            Assert.True(status->Pedal.Sequence > 40);
            Assert.Equal(PluginPhase.Render, status->Pedal.Phase);

            var buffer = new byte[256];
            int length = rack.GetParam(0, SlotStatus.GeneratorPosition, "waveform"u8, buffer);
            Assert.Equal("square", System.Text.Encoding.UTF8.GetString(buffer, 0, length));
        }
        finally { NativeMemory.Free(status); }
    }

    [Fact]
    public void Load_failures_map_to_the_engine_result_codes_and_unload_releases_the_plugin()
    {
        using var rack = new NativeEngineRack(new DspOptions());
        Assert.Equal(LoadResultCode.WrongApiVersion, rack.Load(1, SlotStatus.GeneratorPosition, NativeArtifacts.Faulty("wrong_version")).Code);
        Assert.Equal(LoadResultCode.MissingSymbol, rack.Load(1, SlotStatus.GeneratorPosition, NativeArtifacts.Faulty("missing_symbol")).Code);
        Assert.Equal(LoadResultCode.CreateInstanceFailed, rack.Load(1, SlotStatus.GeneratorPosition, NativeArtifacts.Faulty("null_create")).Code);
        Assert.Equal(LoadResultCode.FileNotFound, rack.Load(1, SlotStatus.GeneratorPosition, "/nope/dsp.so").Code);
        Assert.Equal(LoadResultCode.InvalidSlot, rack.Load(StatusBlock.MasterSlot, SlotStatus.GeneratorPosition, Module("sound_generators", "mev-synth")).Code);

        Assert.True(rack.Load(1, SlotStatus.GeneratorPosition, Module("sound_generators", "mev-synth")).Succeeded);
        var block = new short[AbiConstants.SamplesPerBlock];
        fixed (short* p = block) rack.Render(p, AbiConstants.FramesPerBlock);
        var synth = rack.Rack.CurrentChain(1).Generator!;
        Assert.True(rack.Unload(1, SlotStatus.GeneratorPosition).Succeeded);
        fixed (short* p = block) rack.Render(p, AbiConstants.FramesPerBlock);
        Assert.True(rack.CollectRetired() >= 1);
        Assert.True(synth.IsUnloaded);
        Assert.Null(rack.Rack.CurrentChain(1).Generator);
    }
}
