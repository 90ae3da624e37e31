using Jint;

namespace MoveEverything.UiHost.Scripting;

/// <summary>
/// A Jint constraint with a per-call time budget that the host arms before each call into a module,
/// plus a cancellation switch another thread may flip (the escape combination on the input thread).
/// Jint's own TimeoutInterval is one fixed value per engine; init and tick need different budgets.
/// Invariant: <see cref="Cancel"/> is sticky until <see cref="ClearCancellation"/>: a module that was
/// cancelled stays stopped even if the cancellation lands between two calls.
/// </summary>
public sealed class ScriptDeadline : Constraint
{
    private long _deadlineTicks = long.MaxValue;
    private volatile bool _cancelled;

    public TimeSpan Budget { get; private set; }

    /// <summary>Starts a new call with <paramref name="budget"/>; clears a previous cancellation.</summary>
    public void Arm(TimeSpan budget)
    {
        Budget = budget;
        Volatile.Write(ref _deadlineTicks, Environment.TickCount64 + (long)budget.TotalMilliseconds);
    }

    public void Disarm() => Volatile.Write(ref _deadlineTicks, long.MaxValue);

    /// <summary>Thread-safe: makes the running (or next) script statement throw <see cref="ScriptCancelledException"/>.</summary>
    public void Cancel() => _cancelled = true;

    public bool IsCancelled => _cancelled;

    /// <summary>Lets calls run again after a cancellation (used to give onUnload its chance on escape).</summary>
    public void ClearCancellation() => _cancelled = false;

    public override void Check()
    {
        if (_cancelled) throw new ScriptCancelledException();
        if (Environment.TickCount64 > Volatile.Read(ref _deadlineTicks)) throw new ScriptBudgetExceededException(Budget);
    }

    // Jint resets constraints at each entry into the engine; the budget is armed explicitly instead.
    public override void Reset() { }
}
