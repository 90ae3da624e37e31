using MoveEverything.Ipc;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// Decides per native module load whether it runs in a DSP worker process. The engine cannot judge a module's record
/// (clean loads, run time, faults since its update, unsafe native capabilities): the Health layer does, and says so
/// with <see cref="LoadFlags.Trusted"/> on the load. Here only the mode and that flag count:
/// <see cref="IsolationMode.All"/> isolates every native module, <see cref="IsolationMode.None"/> none, and
/// <see cref="IsolationMode.Untrusted"/> every one whose load does not carry <see cref="LoadFlags.Trusted"/> —
/// so a load that says nothing is isolated (fail closed). Built-in managed modules (<c>builtin:</c> paths) and
/// MIDI FX never reach this decision: they always run in-process (see <see cref="Process.NativeRack"/>).
/// </summary>
public static class IsolationPolicy
{
    public static IsolationDecision Decide(IsolationMode mode, LoadFlags flags) => mode switch
    {
        IsolationMode.None => new(false, "isolation is off (--isolate none)"),
        IsolationMode.All => new(true, "isolation is on for every native module (--isolate all)"),
        _ when (flags & LoadFlags.Trusted) != 0 => new(false, "trusted by its health record: runs in the engine process"),
        _ => new(true, "not trusted (new, just updated, faulted or with an unsafe native capability): runs in a DSP worker"),
    };
}

/// <summary>Whether to isolate and why (shown in the load result and logs).</summary>
public sealed record IsolationDecision(bool Isolate, string Reason);
