using System.Collections.Concurrent;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Input;

/// <summary>
/// Receives input on the engine link's thread. It tracks the host's own controls and detects the escape
/// combination (Shift + volume touch + jog click, §4.4) right here, BELOW the JS runtime: on escape it calls
/// <see cref="EscapeHandler"/> at once (which cancels a running script) and swallows the jog click, so the
/// escape works while a module's script is stuck. Every other event is queued for the UI thread.
/// </summary>
public sealed class InputPump : IEngineInputSink
{
    private readonly ConcurrentQueue<InputEvent> _queue = new();
    private int _escapePending;

    public HostInputState State { get; } = new();

    /// <summary>Called on the input thread when the escape combination completes (or the engine reports it).</summary>
    public Action? EscapeHandler { get; set; }

    public void OnInput(InputEvent input)
    {
        if (State.Observe(input))
        {
            OnEscape();
            return;
        }
        _queue.Enqueue(input);
    }

    public void OnEscape()
    {
        Interlocked.Exchange(ref _escapePending, 1);
        EscapeHandler?.Invoke();
    }

    /// <summary>True once per escape: the UI thread consumes it.</summary>
    public bool TakeEscape() => Interlocked.Exchange(ref _escapePending, 0) == 1;

    /// <summary>Everything queued since the last drain, in arrival order.</summary>
    public List<InputEvent> Drain()
    {
        var events = new List<InputEvent>();
        while (_queue.TryDequeue(out var e)) events.Add(e);
        return events;
    }
}
