using Microsoft.Extensions.Logging.Abstractions;
using MoveEverything.Ipc;
using MoveEverything.Supervisor;

namespace MoveEverything.Engine.Tests.Supervisor;

/// <summary>The chain a restarted engine gets back keeps each module's load flags and drops what the sink refuses.</summary>
public sealed unsafe class RestorableChainTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mev-restore-{Guid.NewGuid():N}.ctl");
    private readonly ControlChannel _channel;

    public RestorableChainTests() => _channel = ControlChannel.Create(_path);

    private void Show(int slot, int position, string id, ModuleRunState state, LoadFlags flags)
    {
        ref var m = ref _channel.Status->SlotTable[slot].Modules[position];
        FixedUtf8.Write(m.IdSpan, id);
        m.State = state;
        m.Flags = flags;
    }

    private sealed class Refuse(string id) : ICrashSink
    {
        public void OnModuleCrashed(EngineDeath death) { }
        public bool MayRestore(string moduleId) => moduleId != id;
    }

    [Fact]
    public void Each_restored_module_keeps_the_flags_it_was_loaded_with()
    {
        Show(0, SlotStatus.GeneratorPosition, "trusted-synth", ModuleRunState.Running, LoadFlags.Trusted);
        Show(1, SlotStatus.GeneratorPosition, "mailbox-synth", ModuleRunState.Running, LoadFlags.GrantMailbox);
        Show(2, SlotStatus.FirstAudioFxPosition, "blamed-fx", ModuleRunState.Running, LoadFlags.Trusted);
        Show(3, SlotStatus.GeneratorPosition, "failed", ModuleRunState.Failed, LoadFlags.Trusted);
        var started = new[] { new ChainLoad(0, 2, "/m/trusted-synth/dsp.so", LoadFlags.None) };

        var chain = RestorableChain.From(_channel.Status, started, new Refuse("blamed-fx"),
            id => $"/late/{id}/dsp.so", NullLogger.Instance);

        Assert.Equal(
        [
            new ChainLoad(0, 2, "/m/trusted-synth/dsp.so", LoadFlags.Trusted), // the status block's flags win: what it ran with
            new ChainLoad(1, 2, "/late/mailbox-synth/dsp.so", LoadFlags.GrantMailbox),
        ], chain);
        Assert.Equal("1.2+mailbox=/late/mailbox-synth/dsp.so", chain[1].ToString()); // the --load text form carries them
    }

    public void Dispose()
    {
        _channel.Dispose();
        File.Delete(_path);
    }
}
