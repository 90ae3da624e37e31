using MoveEverything.Hardware;
using Microsoft.Extensions.Logging;
using MoveEverything.Modules.Capabilities;
using MoveEverything.UiHost.Display;
using MoveEverything.UiHost.HostApi;
using MoveEverything.UiHost.Input;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// One running module UI, following the original's overtake order (schwung-spec.md §4.3): overtake mode and
/// passthrough set, DSP loaded, host functions installed, ui.js evaluated, LEDs cleared over a few ticks
/// (unless skip_led_clear) and init() deferred until then; MIDI reaches the module only after init.
/// On exit: onUnload (bounded), CC123 on 16 channels to its DSP, DSP unloaded, routing back to the menu.
/// Invariant: after <see cref="Stop"/> the session does nothing; every script call goes through the runtime's boundary.
/// </summary>
public sealed class ModuleSession : IModuleHostControl
{
    private readonly ModuleLaunch _launch;
    private readonly UiHostOptions _options;
    private readonly IEngineLink _link;
    private readonly HostInputState _input;
    private readonly ILogger _log;
    private readonly string _dataFolder;
    private readonly CapabilitySet _granted;
    private readonly bool _trusted;
    private readonly Queue<UsbMidiPacket> _ledClear = new();
    private ModuleRuntime? _runtime;
    private DisplayApi? _display;
    private string? _exitRequest;
    private bool _initDone, _stopped;
    private int _ticksSinceLoad;

    public ModuleSession(ModuleLaunch launch, UiHostOptions options, IEngineLink link, Canvas canvas,
        HostInputState input, ILogger log, string dataFolder, CapabilitySet granted = default, bool trusted = false)
    {
        _granted = granted;
        _trusted = trusted;
        _launch = launch;
        _options = options;
        _link = link;
        Canvas = canvas;
        _input = input;
        _log = log;
        _dataFolder = dataFolder;
    }

    public ModuleLaunch Launch => _launch;

    /// <summary>The unsafe capabilities the gate granted: the only ones the host API and the DSP load expose.</summary>
    public CapabilitySet Granted => _granted;
    public Canvas Canvas { get; }
    public bool InitDone => _initDone;
    public bool FlushRequested { get => _display?.FlushRequested ?? false; set { if (_display is not null) _display.FlushRequested = value; } }

    bool IModuleHostControl.ShiftHeld => _input.ShiftHeld;
    bool IModuleHostControl.SpeakerActive => _input.SpeakerActive;
    bool IModuleHostControl.LineInConnected => _input.LineInConnected;
    void IModuleHostControl.RequestExit(string how) => _exitRequest ??= how;
    void IModuleHostControl.RequestHide() => _exitRequest ??= "host_hide_module";

    /// <summary>Thread-safe: stops a running script call now (the escape path).</summary>
    public void Cancel() => _runtime?.Cancel();

    public SessionStep Start()
    {
        if (_launch.EntryFile is not { } entry)
            return new SessionStep.Refused($"no {(_launch.Kind == LaunchKind.ComponentEditor ? "ui_chain.js or ui.js" : _launch.Manifest.Ui)} in {_launch.Folder}");
        var m = _launch.Manifest;
        if (_launch.Kind == LaunchKind.Overtake)
        {
            _link.SetOvertake(new OvertakeSettings(OvertakeMode.Module, m.ButtonPassthrough, m.SkipLedClear));
            if (_launch.OvertakeDspPath is { } dsp &&
                _link.AssignDsp(DspAssignment.Load(_launch.OwnDsp, m.Id, dsp, _granted, _trusted, m.Version)) is { Accepted: false } reply)
                return new SessionStep.Refused($"engine refused the DSP: {reply.Reason}");
        }

        Directory.CreateDirectory(_dataFolder);
        _display = new DisplayApi(Canvas);
        var spec = new ScriptModuleSpec(m.Id, m.Name, _launch.Folder, entry, _launch.IsChainUi);
        _runtime = new ModuleRuntime(spec, _options.Script,
        [
            _display,
            new MidiApi(_link, _launch.OwnDsp),
            new ParamApi(_link, _launch.OwnDsp),
            new FileApi(new PathSandbox(_dataFolder), new PathSandbox(_launch.Folder), _options.MaxReadFileBytes, _log),
            new LogApi(_log),
            new LifecycleApi(this),
            new UnsafeApi(_link, _log, _options),
        ], granted: _granted);
        if (_runtime.Load() is { } loadFault) return new SessionStep.Fault(loadFault);

        var clearLeds = _launch.Kind == LaunchKind.Overtake && !m.SkipLedClear;
        if (clearLeds) QueueLedClear(m.ButtonPassthrough);
        else return InitNow();
        Canvas.Clear();
        Canvas.Print(2, 28, "Loading...", 1);
        return SessionStep.Ok;
    }

    /// <summary>One UI tick: deferred init, then this tick's input (encoders batched), then tick().</summary>
    public SessionStep Tick(IReadOnlyList<InputEvent> events)
    {
        if (_stopped || _runtime is null) return SessionStep.Ok;
        if (!_initDone)
        {
            for (var i = 0; i < _options.LedClearPerTick && _ledClear.TryDequeue(out var p); i++) _link.SendHardwareMidi(p);
            if (++_ticksSinceLoad < _options.OvertakeInitDelayTicks || _ledClear.Count > 0) return SessionStep.Ok;
            return InitNow();
        }
        foreach (var e in EncoderBatcher.Batch(events, _launch.Manifest.ClaimsMasterKnob))
        {
            if (IsBackExit(e)) return new SessionStep.Exit("back");
            var fault = e.IsInternal
                ? _runtime.MidiInternal(e.Status, e.Data1, e.Data2)
                : _runtime.MidiExternal(e.Status, e.Data1, e.Data2);
            if (After(fault) is { } step) return step;
        }
        return After(_runtime.Tick()) ?? SessionStep.Ok;
    }

    /// <summary>
    /// Leaves the module: onUnload (only when it did not fault, and bounded by its budget), all-notes-off,
    /// DSP unload, routing back to the menu. Idempotent.
    /// </summary>
    public void Stop(bool callOnUnload)
    {
        if (_stopped) return;
        _stopped = true;
        if (callOnUnload && _runtime?.Unload() is { } unloadFault)
            _log.LogWarning("{Module}: onUnload failed: {Reason}", _launch.Id, unloadFault.Reason);
        for (byte ch = 0; ch < 16; ch++)
            _link.SendMidiToDsp(_launch.OwnDsp, [(byte)(0xB0 | ch), OvertakeLeds.AllNotesOffCc, 0]);
        if (_launch.OvertakeDspPath is not null) _link.AssignDsp(DspAssignment.Clear(_launch.OwnDsp));
        if (_launch.Kind == LaunchKind.Overtake) _link.SetOvertake(OvertakeSettings.Menu);
    }

    private SessionStep InitNow()
    {
        _initDone = true;
        return After(_runtime!.Init()) ?? SessionStep.Ok;
    }

    private SessionStep? After(ScriptFault? fault)
    {
        if (fault is not null) return new SessionStep.Fault(fault);
        return _exitRequest is { } how ? new SessionStep.Exit(how) : null;
    }

    // Component editors leave on Back unless they handle raw UI themselves (raw_ui).
    private bool IsBackExit(InputEvent e) =>
        _launch.Kind == LaunchKind.ComponentEditor && !_launch.Manifest.RawUi &&
        e.IsInternal && e.IsControlChange && e.Data1 == ControlMap.BackCc && e.Data2 > 0;

    private void QueueLedClear(IReadOnlyList<int> passthrough)
    {
        foreach (var note in OvertakeLeds.Notes) _ledClear.Enqueue(UsbMidiPacket.NoteOn(note, 0));
        foreach (var cc in OvertakeLeds.ButtonCcs.Where(cc => !passthrough.Contains(cc)))
            _ledClear.Enqueue(UsbMidiPacket.ControlChange(cc, 0));
    }
}
