using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// Where the UI host reports module lifecycle events; the health registry (MoveEverything.Health) implements it
/// to count strikes and persist states. Implementations must not throw and must be quick (called on the UI thread).
/// </summary>
public interface IModuleFaultSink
{
    void Started(string moduleId);

    void Stopped(string moduleId, string how);

    /// <summary>
    /// The module's script failed and it was unloaded. Returns the toast to show, or null for the default
    /// "&lt;name&gt; stopped: &lt;reason&gt;" (the registry may say more, e.g. "disabled after 3 crashes").
    /// </summary>
    string? Faulted(ModuleFaultNotice notice);

    /// <summary>A module's DSP was loaded into the engine (a clean load for its trust record).</summary>
    void DspLoaded(string moduleId, string moduleVersion) { }

    /// <summary>A module's DSP ran <paramref name="cleanFor"/> without a fault (on unload, host stop, or a periodic checkpoint).</summary>
    void DspRan(string moduleId, string moduleVersion, TimeSpan cleanFor) { }

    /// <summary>A DSP fault the engine survived (isolated worker fault, overrun). Default: keep it, no strike.</summary>
    EngineFaultOutcome EngineFaulted(EngineModuleFault fault) => new(EngineFaultAction.Keep, fault.DefaultToast);
}
