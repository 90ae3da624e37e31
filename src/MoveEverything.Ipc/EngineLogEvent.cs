namespace MoveEverything.Ipc;

/// <summary>Event ids of engine log records (wire: uint16). Templates live in <see cref="EngineLogCatalog"/>.</summary>
public enum EngineLogEvent : ushort
{
    None = 0,
    Started = 1,
    RealtimeGranted = 2,
    RealtimeRefused = 3,
    MemoryLockRefused = 4,
    MissedBlock = 5,
    CommandDropped = 6,
    PluginLoaded = 7,
    PluginLoadFailed = 8,
    PluginUnloaded = 9,
    EscapeDetected = 10,
    DemoEnabled = 11,
    DemoDisabled = 12,
    MidiOutQueueFull = 13,
    Stopping = 14,
    /// <summary>Start-up phases (CLOCK_MONOTONIC ns): Arg0 main entry or standby activation, Arg1 channel open, Arg2 start-up loads done.</summary>
    StartupPhases = 15,
    /// <summary>First block (CLOCK_MONOTONIC ns): Arg0 block thread started, Arg1 realtime set-up done (mlockall, SCHED_FIFO), Arg2 first block done.</summary>
    FirstBlock = 16,
}

/// <summary>Formats drained log records; the only place engine log texts live.</summary>
public static class EngineLogCatalog
{
    public static string Template(EngineLogEvent e) => e switch
    {
        EngineLogEvent.Started => "engine started, pid {Arg0}, transport kind {Arg1}",
        EngineLogEvent.RealtimeGranted => "block thread runs SCHED_FIFO priority {Arg0}",
        EngineLogEvent.RealtimeRefused => "SCHED_FIFO refused (errno {Arg0}); block thread runs at normal priority",
        EngineLogEvent.MemoryLockRefused => "mlockall refused (errno {Arg0}); pages may fault on the audio path",
        EngineLogEvent.MissedBlock => "missed block {Arg0}: exchange {Arg1} µs after its deadline",
        EngineLogEvent.CommandDropped => "command of kind {Arg0} dropped: {Arg1}",
        EngineLogEvent.PluginLoaded => "slot {Slot} position {Position}: plugin loaded",
        EngineLogEvent.PluginLoadFailed => "slot {Slot} position {Position}: plugin load failed with code {Arg0}",
        EngineLogEvent.PluginUnloaded => "slot {Slot} position {Position}: plugin unloaded",
        EngineLogEvent.EscapeDetected => "host escape combination detected at block {Arg0}",
        EngineLogEvent.DemoEnabled => "no UI host attached: pads play the built-in synth in slot 1",
        EngineLogEvent.DemoDisabled => "UI host attached: built-in pad demo off",
        EngineLogEvent.MidiOutQueueFull => "MIDI OUT queue full, {Arg0} packets dropped so far",
        EngineLogEvent.Stopping => "engine stopping after {Arg0} blocks",
        EngineLogEvent.StartupPhases => "start-up: entered at {Arg0} ns, channel open at {Arg1} ns, loads done at {Arg2} ns",
        EngineLogEvent.FirstBlock => "first block: block thread at {Arg0} ns, realtime set up at {Arg1} ns, block done at {Arg2} ns",
        _ => "engine log event {Event}",
    };

    /// <summary>The message with arguments substituted (allocates; supervisor side only).</summary>
    public static string Format(in LogRecord r) => Template(r.Event)
        .Replace("{Arg0}", r.Arg0.ToString()).Replace("{Arg1}", r.Arg1.ToString()).Replace("{Arg2}", r.Arg2.ToString())
        .Replace("{Slot}", r.Slot.ToString()).Replace("{Position}", r.Position.ToString())
        .Replace("{Event}", ((int)r.Event).ToString());
}
