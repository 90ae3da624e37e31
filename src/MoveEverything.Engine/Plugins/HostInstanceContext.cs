using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Plugins;

/// <summary>
/// Native per-instance state behind <c>host_api_v1_t.mod_host_ctx</c>. slot_recv_channel(ctx) reads it; the
/// <see cref="Magic"/> lets the callback answer −2 for a pointer that is not one of ours (a non-slot instance).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct HostInstanceContext
{
    public const uint MagicValue = 0x4D564358; // "MVCX"

    public uint Magic;
    /// <summary>0-based slot, −1 master.</summary>
    public int Slot;
    /// <summary>−1 all channels, 0–15 one channel. Written by the control or block thread, read by plugins.</summary>
    public int ReceiveChannel;
}
