using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// One request slot (two alternate: request N uses slot N &amp; 1). The engine sets <see cref="Sequence"/> to −1,
/// fills MIDI and audio, then writes the request number last; the worker checks it again after rendering and drops
/// the answer if the slot was rewritten meanwhile (it was too late anyway).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct WorkerRequest
{
    public const int MaxMidi = 64;

    public long Sequence;
    /// <summary>Stopwatch ticks (CLOCK_MONOTONIC, comparable across processes) when the engine published it.</summary>
    public long PublishedTicks;
    public int MidiCount;
    public int Reserved;
    /// <summary>Each event: status | data1 &lt;&lt; 8 | data2 &lt;&lt; 16 | length &lt;&lt; 24.</summary>
    public fixed uint Midi[MaxMidi];
    /// <summary>Audio FX input (the slot's signal before this FX), interleaved int16.</summary>
    public fixed short Audio[AbiConstants.SamplesPerBlock];
    /// <summary>
    /// Snapshot of the engine's mailbox page at publish time, written only for a module loaded with the mailbox grant
    /// (zero otherwise). The worker copies it into the page its plugin sees as mapped_memory before the request's calls.
    /// </summary>
    public fixed byte Mailbox[Hardware.MailboxLayout.PageSize];
}

/// <summary>
/// One answer slot (answer N in slot N &amp; 1), a seqlock: the worker writes −1, the samples, then N (release);
/// the engine accepts it only if it reads N before and after copying.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct WorkerAnswer
{
    public long Sequence;
    /// <summary>Stopwatch ticks when the worker finished it.</summary>
    public long AnsweredTicks;
    public fixed short Audio[AbiConstants.SamplesPerBlock];
}
