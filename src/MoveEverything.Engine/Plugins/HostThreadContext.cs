using MoveEverything.Engine.Realtime;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Plugins;

/// <summary>
/// What a host callback needs to know about the thread that called it. The C callbacks log(), midi_send_*() and
/// get_bpm() carry no context pointer, so each engine thread that calls into plugins binds one of these
/// (<see cref="HostServices.BindBlockThread"/>, <see cref="HostServices.BindLoaderThread"/>): every ring then has
/// exactly one producer thread, and log lines are attributed through that thread's <see cref="CallMarker"/>.
/// </summary>
internal sealed unsafe class HostThreadContext
{
    public required HostServices Services { get; init; }
    public required SpscRing<LogRecord> Log { get; init; }
    /// <summary>The calling thread's dead-man's pedal; log lines take module, slot and phase from it.</summary>
    public CallMarker* Marker;
    /// <summary>Only the block thread may send MIDI; the loader thread's sends are refused (return 0).</summary>
    public required bool MidiAllowed { get; init; }
    public int InjectedThisBlock;
}
