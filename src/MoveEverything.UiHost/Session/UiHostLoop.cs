using Microsoft.Extensions.Logging;
using MoveEverything.Modules.Capabilities;
using MoveEverything.UiHost.Display;
using MoveEverything.UiHost.Gate;
using MoveEverything.UiHost.Input;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Menu;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// The UI host's state machine, advanced one <see cref="Tick"/> at a time (the runner calls it at
/// <see cref="UiHostOptions.TickHz"/>; tests call it directly): either the system menu or one module session
/// is active. A module fault or the escape unloads the module and shows the menu within the same tick.
/// Every DSP load goes through a <see cref="DspLoadLedger"/> with the gate's trust verdict (LoadFlags.Trusted): clean
/// loads and run time feed the module's trust record, and DSP faults the engine survived (isolated worker crash or
/// hang, overrun), read from the engine's status every <see cref="UiHostOptions.EngineStatusPollTicks"/> ticks, become
/// strikes; a module the policy disables is unloaded and its slot emptied.
/// Invariants: at most one session; the escape path never waits for module code (the input thread cancels it);
/// every frame pushed is exactly 1024 bytes.
/// </summary>
public sealed class UiHostLoop
{
    private readonly UiHostOptions _options;
    private readonly DspLoadLedger _link;
    private readonly IModuleCatalog _catalog;
    private readonly IModuleFaultSink _faults;
    private readonly IModuleStateProvider _states;
    private readonly ILogger _log;
    private readonly string _moduleDataRoot;
    private readonly IModuleLoadGate _gate;
    private readonly Canvas _menuCanvas = new();
    private readonly byte[] _frame = new byte[Canvas.PackedBytes];
    private byte[]? _lastPushed;
    private ModuleSession? _active;
    private int _toastTicks, _ticksSincePush;

    public UiHostLoop(UiHostOptions options, IEngineLink link, IModuleCatalog catalog, IModuleStateProvider states,
        IModuleFaultSink faults, ILogger log, string moduleDataRoot, IModuleLoadGate? gate = null,
        Func<Boot.SafeMode.SafeModeChoice, Boot.SafeMode.SafeModeActionResult>? safeModeChoice = null)
    {
        _gate = gate ?? OpenLoadGate.Instance;
        _options = options;
        _catalog = catalog;
        _link = new DspLoadLedger(link, faults, TimeProvider.System, NameOf, options.TrustCheckpoint);
        _faults = faults;
        _states = states;
        _log = log;
        _moduleDataRoot = moduleDataRoot;
        Menu = new SystemMenu(catalog, states, options, _gate, safeModeChoice);
        Pads = new MenuPads(_link);
        Input.EscapeHandler = () => Volatile.Read(ref _active)?.Cancel();
    }

    public InputPump Input { get; } = new();
    public SystemMenu Menu { get; }
    public MenuPads Pads { get; }
    public ModuleSession? Active => Volatile.Read(ref _active);
    public string? Toast { get; private set; }
    public long Ticks { get; private set; }

    /// <summary>The engine link with its load ledger (what this host loaded, trust bookkeeping).</summary>
    public DspLoadLedger Dsps => _link;

    public void Start()
    {
        _catalog.Refresh();
        Menu.Refresh();
        _link.Start(Input);
        _link.SetOvertake(OvertakeSettings.Menu);
        PushFrame(force: true);
    }

    public void Tick()
    {
        Ticks++;
        var events = Input.Drain();
        if (Input.TakeEscape() && _active is not null) StopActive("escape", callOnUnload: true);
        if (_active is { } session)
            Handle(session.Tick(events));
        else
        {
            foreach (var e in events) Pads.Handle(e);
            foreach (var e in EncoderBatcher.Batch(events, volumeClaimed: false))
                if (Menu.Handle(e) is { } command) Execute(command);
        }
        if (Ticks % Math.Max(1, _options.EngineStatusPollTicks) == 0) HandleDspIncidents(_link.Poll());
        if (_toastTicks > 0 && --_toastTicks == 0) Toast = null;
        PushFrame(force: false);
    }

    /// <summary>The host is stopping: the DSPs it loaded are credited their clean run time.</summary>
    public void Shutdown() => _link.CreditAll();

    private void HandleDspIncidents(IReadOnlyList<DspIncident> incidents)
    {
        foreach (var incident in incidents)
        {
            _log.LogError("{Module} in {Target}: {Toast}", incident.ModuleId, incident.Target, incident.Toast);
            if (incident.Emptied && incident.Target.Component != DspComponent.Overtake) Menu.Slots.Set(incident.Target, null);
            ShowToast(incident.Toast);
        }
        if (incidents.Count > 0) Menu.Refresh();
    }

    private string NameOf(string moduleId) =>
        _catalog.Modules.FirstOrDefault(m => m.Id == moduleId)?.Manifest.Name ?? moduleId;

    /// <summary>
    /// Opens a module by id as the menu would (used by `--open MODULE_ID`). Returns false if unknown; a module
    /// the health state forbids (disabled, refused) is not started and the toast says why; the load-time gate
    /// runs as for the menu (refusal or consent screen).
    /// </summary>
    public bool Open(string moduleId)
    {
        var entry = _catalog.Modules.FirstOrDefault(m => m.Id == moduleId);
        if (entry is null) return false;
        if (!_gate.IsOffered(entry))
        {
            ShowToast($"{entry.Manifest.Name}: safe mode, third-party modules are off");
            _gate.Check(entry);
            return true;
        }
        // Refused / awaiting consent are the gate's own states: it decides again below (the reason may have gone).
        if (_states.Describe(moduleId) is { MayOpen: false } state && state.Label is not ("refused" or "awaiting consent"))
        {
            ShowToast($"{entry.Manifest.Name}: {state.Reason ?? state.Label}");
            if (_gate is OpenLoadGate) return true; // no gate: the toast is all; with one, its screen offers "Turn on"
        }
        Execute(new MenuCommand.Open(entry, LaunchKind.Overtake, 0));
        return true;
    }

    public void Execute(MenuCommand command)
    {
        switch (command)
        {
            case MenuCommand.Open open when Admit(open.Entry, command) is { } allowed: StartSession(open, allowed); break;
            case MenuCommand.AssignSlot assign when Admit(assign.Entry, command) is { } allowed: AssignSlot(assign.Entry, assign.Slot, allowed); break;
            case MenuCommand.ClearSlot clear:
                var target = new DspTarget(clear.Slot, clear.Component);
                if (_link.AssignDsp(DspAssignment.Clear(target)).Accepted) Menu.Slots.Set(target, null);
                Menu.Refresh();
                break;
        }
    }

    /// <summary>
    /// The load-time gate, right before module code or its DSP is loaded: the granted capabilities and trust verdict,
    /// or null after showing the refusal or consent screen (the consent screen's Allow re-issues <paramref name="command"/>).
    /// </summary>
    private LoadVerdict.Allowed? Admit(CatalogEntry entry, MenuCommand command)
    {
        switch (_gate.Check(entry))
        {
            case LoadVerdict.Allowed allowed: return allowed;
            case LoadVerdict.Refused refused:
                Menu.ShowRefusal(entry, refused, installedByUser: !_gate.IsBuiltIn(entry));
                return null;
            case LoadVerdict.NeedsConsent needs:
                Menu.ShowConsent(entry, needs, command);
                return null;
            default: return null;
        }
    }

    private void StartSession(MenuCommand.Open open, LoadVerdict.Allowed allowed)
    {
        var component = open.Kind == LaunchKind.Overtake ? DspComponent.Overtake
            : SystemMenu.ComponentFor(open.Entry.Manifest.Kind) ?? DspComponent.SoundGenerator;
        var target = open.Kind == LaunchKind.Overtake ? DspTarget.Overtake : new DspTarget(open.Slot, component);
        var launch = new ModuleLaunch(open.Entry.Manifest, open.Entry.Folder, open.Kind, target);
        var session = new ModuleSession(launch, _options, _link, new Canvas(), Input.State, _log,
            Path.Combine(_moduleDataRoot, open.Entry.Id), allowed.Granted, allowed.Trusted);
        Volatile.Write(ref _active, session);
        _faults.Started(open.Entry.Id);
        _log.LogInformation("opening {Module} {Version} ({Kind})", launch.Id, launch.Manifest.Version, open.Kind);
        Handle(session.Start());
    }

    private void Handle(SessionStep step)
    {
        if (_active is not { } session) return;
        switch (step)
        {
            case SessionStep.Exit exit: StopActive(exit.How, callOnUnload: true); break;
            case SessionStep.Fault { Cause: ScriptFault.Cancelled }: StopActive("escape", callOnUnload: true); break;
            case SessionStep.Fault fault: Faulted(session, fault.Cause); break;
            case SessionStep.Refused refused:
                StopSession(session, callOnUnload: false);
                ShowToast($"{session.Launch.DisplayName}: {refused.Reason}");
                _log.LogWarning("{Module} refused: {Reason}", session.Launch.Id, refused.Reason);
                _faults.Stopped(session.Launch.Id, "refused: " + refused.Reason);
                break;
        }
    }

    private void Faulted(ModuleSession session, ScriptFault fault)
    {
        StopSession(session, callOnUnload: false);
        var m = session.Launch.Manifest;
        var notice = new ModuleFaultNotice(m.Id, m.Name, m.Version, fault, DateTimeOffset.UtcNow);
        _log.LogError("{Module} {Version} stopped: {Reason}", m.Id, m.Version, fault.Reason);
        ShowToast(_faults.Faulted(notice) ?? notice.DefaultToast);
    }

    private void StopActive(string how, bool callOnUnload)
    {
        if (_active is not { } session) return;
        StopSession(session, callOnUnload);
        _log.LogInformation("{Module} closed ({How})", session.Launch.Id, how);
        _faults.Stopped(session.Launch.Id, how);
    }

    private void StopSession(ModuleSession session, bool callOnUnload)
    {
        session.Stop(callOnUnload);
        Volatile.Write(ref _active, null);
        Input.TakeEscape(); // an escape that raced with a normal exit must not linger
        Menu.Refresh();
    }

    private void AssignSlot(CatalogEntry entry, int slot, LoadVerdict.Allowed allowed)
    {
        if (SystemMenu.ComponentFor(entry.Manifest.Kind) is not { } component) return;
        var target = new DspTarget(slot, component);
        var dsp = Path.Combine(entry.Folder, entry.Manifest.Dsp);
        var reply = _link.AssignDsp(DspAssignment.Load(target, entry.Id, dsp, allowed.Granted, allowed.Trusted, entry.Manifest.Version));
        if (reply.Accepted) _log.LogInformation("{Module} in slot {Slot}: {Trust}", entry.Id, slot + 1, allowed.Trust?.Reason ?? "trust unknown");
        if (reply.Accepted) Menu.Slots.Set(target, entry);
        if (reply.Accepted && component == DspComponent.SoundGenerator) Pads.FocusedSlot = slot;
        ShowToast(reply.Accepted ? $"{entry.Manifest.Name} in slot {slot + 1}" : $"Slot {slot + 1}: {reply.Reason}");
        Menu.Refresh();
    }

    private void ShowToast(string text)
    {
        Toast = text;
        _toastTicks = _options.ToastTicks;
    }

    private void PushFrame(bool force)
    {
        Canvas canvas;
        if (_active is { } session)
        {
            canvas = session.Canvas;
            force |= session.FlushRequested;
            session.FlushRequested = false;
        }
        else
        {
            Menu.Render(_menuCanvas, Toast);
            canvas = _menuCanvas;
        }
        canvas.Pack(_frame);
        canvas.Dirty = false;
        force |= ++_ticksSincePush >= _options.ForcedFrameEveryTicks;
        if (!force && _lastPushed is not null && _frame.AsSpan().SequenceEqual(_lastPushed)) return;
        _link.PushDisplay(_frame);
        _lastPushed = (byte[])_frame.Clone();
        _ticksSincePush = 0;
    }
}
