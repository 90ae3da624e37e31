using Microsoft.Extensions.Logging;
using MoveEverything.UiHost.Display;
using MoveEverything.UiHost.Input;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Menu;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// The UI host's state machine, advanced one <see cref="Tick"/> at a time (the runner calls it at
/// <see cref="UiHostOptions.TickHz"/>; tests call it directly): either the system menu or one module session
/// is active. A module fault or the escape unloads the module and shows the menu within the same tick.
/// Invariants: at most one session; the escape path never waits for module code (the input thread cancels it);
/// every frame pushed is exactly 1024 bytes.
/// </summary>
public sealed class UiHostLoop
{
    private readonly UiHostOptions _options;
    private readonly IEngineLink _link;
    private readonly IModuleCatalog _catalog;
    private readonly IModuleFaultSink _faults;
    private readonly IModuleStateProvider _states;
    private readonly ILogger _log;
    private readonly string _moduleDataRoot;
    private readonly Canvas _menuCanvas = new();
    private readonly byte[] _frame = new byte[Canvas.PackedBytes];
    private byte[]? _lastPushed;
    private ModuleSession? _active;
    private int _toastTicks, _ticksSincePush;

    public UiHostLoop(UiHostOptions options, IEngineLink link, IModuleCatalog catalog, IModuleStateProvider states,
        IModuleFaultSink faults, ILogger log, string moduleDataRoot)
    {
        _options = options;
        _link = link;
        _catalog = catalog;
        _faults = faults;
        _states = states;
        _log = log;
        _moduleDataRoot = moduleDataRoot;
        Menu = new SystemMenu(catalog, states, options);
        Pads = new MenuPads(link);
        Input.EscapeHandler = () => Volatile.Read(ref _active)?.Cancel();
    }

    public InputPump Input { get; } = new();
    public SystemMenu Menu { get; }
    public MenuPads Pads { get; }
    public ModuleSession? Active => Volatile.Read(ref _active);
    public string? Toast { get; private set; }
    public long Ticks { get; private set; }

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
        if (_toastTicks > 0 && --_toastTicks == 0) Toast = null;
        PushFrame(force: false);
    }

    /// <summary>
    /// Opens a module by id as the menu would (used by `--open MODULE_ID`). Returns false if unknown; a module
    /// the health state forbids (disabled, refused) is not started and the toast says why.
    /// </summary>
    public bool Open(string moduleId)
    {
        var entry = _catalog.Modules.FirstOrDefault(m => m.Id == moduleId);
        if (entry is null) return false;
        if (_states.Describe(moduleId) is { MayOpen: false } state)
        {
            ShowToast($"{entry.Manifest.Name}: {state.Reason ?? state.Label}");
            return true;
        }
        Execute(new MenuCommand.Open(entry, LaunchKind.Overtake, 0));
        return true;
    }

    public void Execute(MenuCommand command)
    {
        switch (command)
        {
            case MenuCommand.Open open: StartSession(open); break;
            case MenuCommand.AssignSlot assign: AssignSlot(assign.Entry, assign.Slot); break;
            case MenuCommand.ClearSlot clear:
                var target = new DspTarget(clear.Slot, clear.Component);
                if (_link.AssignDsp(DspAssignment.Clear(target)).Accepted) Menu.Slots.Set(target, null);
                Menu.Refresh();
                break;
        }
    }

    private void StartSession(MenuCommand.Open open)
    {
        var component = open.Kind == LaunchKind.Overtake ? DspComponent.Overtake
            : SystemMenu.ComponentFor(open.Entry.Manifest.Kind) ?? DspComponent.SoundGenerator;
        var target = open.Kind == LaunchKind.Overtake ? DspTarget.Overtake : new DspTarget(open.Slot, component);
        var launch = new ModuleLaunch(open.Entry.Manifest, open.Entry.Folder, open.Kind, target);
        var session = new ModuleSession(launch, _options, _link, new Canvas(), Input.State, _log,
            Path.Combine(_moduleDataRoot, open.Entry.Id));
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

    private void AssignSlot(CatalogEntry entry, int slot)
    {
        if (SystemMenu.ComponentFor(entry.Manifest.Kind) is not { } component) return;
        var target = new DspTarget(slot, component);
        var dsp = Path.Combine(entry.Folder, entry.Manifest.Dsp);
        var reply = _link.AssignDsp(new DspAssignment(target, entry.Id, dsp));
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
