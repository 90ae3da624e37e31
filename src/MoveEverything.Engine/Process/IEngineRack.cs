using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// What the block loop and the control thread need from the DSP rack (4 slots + master FX).
/// Invariants: <see cref="Render"/>, <see cref="Midi"/>, <see cref="SetParam"/> and <see cref="GetParam"/> are
/// called only on the block thread and never allocate; <see cref="Load"/> and <see cref="Unload"/> are called
/// only on the control thread and publish the new chain so the block thread picks it up between blocks.
/// Every call into plugin code is bracketed by writes to the dead-man's pedal given to <see cref="AttachStatus"/>.
/// </summary>
public unsafe interface IEngineRack
{
    /// <summary>
    /// Where to write per-module timings and peaks, and the pedals of the block and loader threads (in the status
    /// block). Called once on the control thread before anything is loaded.
    /// </summary>
    void AttachStatus(StatusBlock* status, Realtime.CallMarkerWriter blockPedal, Realtime.CallMarkerWriter loaderPedal);

    /// <summary>Called once on the block thread before its first block.</summary>
    void BindBlockThread();

    /// <summary>Control thread, every poll: unload what the block thread has let go of.</summary>
    void Maintain();

    /// <summary>A USB-MIDI packet for the chain of <paramref name="slot"/>.</summary>
    void Midi(int slot, uint packet);

    /// <summary>Sets a string parameter; returns false when no module there takes it.</summary>
    bool SetParam(int slot, int position, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>
    /// Reads a string parameter into <paramref name="destination"/>; returns its length, −1, or
    /// <see cref="AnswerOnControlThread"/> when the addressed module runs in a DSP worker: the block thread must not
    /// wait for another process, so the caller hands the request to the control thread, which calls
    /// <see cref="GetParamFromWorker"/>.
    /// </summary>
    int GetParam(int slot, int position, ReadOnlySpan<byte> key, Span<byte> destination);

    /// <summary>
    /// Control thread only: get_param of a module running in a DSP worker (it may wait for the worker, bounded by
    /// <see cref="Isolation.IsolationOptions.ParamQueryTimeoutMs"/>). Returns the length, or −1 (none, no worker, not
    /// isolated any more, timed out). Allocates nothing.
    /// </summary>
    int GetParamFromWorker(int slot, int position, ReadOnlySpan<byte> key, Span<byte> destination);

    /// <summary><see cref="GetParam"/>'s answer for a module in a worker: ask again on the control thread.</summary>
    public const int AnswerOnControlThread = -2;

    /// <summary>
    /// Renders one block and adds it, saturated, to interleaved stereo int16 <paramref name="interleaved"/> (which the
    /// caller zeroes); raises each slot's <see cref="SlotStatus.Peak"/> to its own peak. Returns nanoseconds spent in the rack.
    /// </summary>
    long Render(short* interleaved, int frames);

    /// <summary>
    /// Loads a plugin on the control thread; the block thread sees it from its next block. <paramref name="flags"/> are
    /// the sender's consent and trust (<see cref="LoadFlags"/>): without <see cref="LoadFlags.GrantMailbox"/> the
    /// plugin's host_api_v1_t.mapped_memory is NULL; <see cref="LoadFlags.Trusted"/> feeds the isolation decision.
    /// </summary>
    PluginLoadOutcome Load(int slot, int position, string path, LoadFlags flags);

    /// <summary>Unloads a plugin on the control thread.</summary>
    PluginLoadOutcome Unload(int slot, int position);
}

/// <summary>
/// Typed result of a load or unload; <see cref="Detail"/> is a sentence for the user. <see cref="Isolated"/>: the
/// module runs in a DSP worker process (written to <see cref="ModuleStatus.Isolated"/>).
/// </summary>
public sealed record PluginLoadOutcome(LoadResultCode Code, string ModuleId, string Detail, bool Isolated = false)
{
    public bool Succeeded => Code == LoadResultCode.Ok;
}
