using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;

namespace MoveEverything.Engine.Plugins;

/// <summary>
/// One <c>host_api_v1_t</c> in native memory (plus its <see cref="HostInstanceContext"/>), filled as the spec
/// documents: version 1, 44100 Hz, 128 frames, mailbox offsets, every callback implemented except the optional
/// mod_emit_value / mod_clear_source (NULL, see <see cref="HostCallbacks"/>); mapped_memory only with consent.
/// The pointer must stay valid for as long as the plugin library is loaded, because plugins keep the pointer the
/// init function received; the loader therefore frees blocks only after dlclose. Loader thread only.
/// </summary>
public sealed unsafe class HostApiBlock : IDisposable
{
    private HostApiV1* _api;
    private HostInstanceContext* _context;

    /// <param name="services">Engine-wide callback state.</param>
    /// <param name="slot">0-based slot, −1 master.</param>
    /// <param name="receiveChannel">slot_recv_channel's answer: −1 all, 0–15.</param>
    /// <param name="grantMailboxAccess">The user consented to this module seeing the mailbox page (mapped_memory).</param>
    public HostApiBlock(HostServices services, int slot, int receiveChannel, bool grantMailboxAccess)
    {
        _api = (HostApiV1*)NativeMemory.AllocZeroed((nuint)sizeof(HostApiV1));
        _context = (HostInstanceContext*)NativeMemory.AllocZeroed((nuint)sizeof(HostInstanceContext));
        _context->Magic = HostInstanceContext.MagicValue;
        _context->Slot = slot;
        _context->ReceiveChannel = receiveChannel;

        _api->ApiVersion = AbiConstants.HostApiVersion;
        _api->SampleRate = AbiConstants.SampleRate;
        _api->FramesPerBlock = AbiConstants.FramesPerBlock;
        _api->MappedMemory = grantMailboxAccess ? services.Mailbox : null;
        _api->AudioOutOffset = AbiConstants.AudioOutOffset;
        _api->AudioInOffset = AbiConstants.AudioInOffset;
        _api->Log = &HostCallbacks.Log;
        _api->MidiSendInternal = &HostCallbacks.MidiSendInternal;
        _api->MidiSendExternal = &HostCallbacks.MidiSendExternal;
        _api->GetClockStatus = &HostCallbacks.GetClockStatus;
        _api->ModEmitValue = null;
        _api->ModClearSource = null;
        _api->ModHostCtx = _context;
        _api->GetBpm = &HostCallbacks.GetBpm;
        _api->MidiInjectToMove = &HostCallbacks.MidiInjectToMove;
        _api->SlotRecvChannel = &HostCallbacks.SlotRecvChannel;
    }

    /// <summary>The struct handed to the plugin's init function.</summary>
    public HostApiV1* Pointer => _api;

    /// <summary>What slot_recv_channel answers for this instance (−1 all, 0–15). Any thread.</summary>
    public int ReceiveChannel
    {
        get => Volatile.Read(ref _context->ReceiveChannel);
        set => Volatile.Write(ref _context->ReceiveChannel, value);
    }

    public void Dispose()
    {
        if (_api is null) return;
        _context->Magic = 0;
        NativeMemory.Free(_api);
        NativeMemory.Free(_context);
        _api = null;
        _context = null;
    }
}
