namespace MoveEverything.Engine.Isolation;

/// <summary>
/// Decides per module whether it runs isolated. "Untrusted" means: not built-in AND (faulted since its install or
/// last update, OR still on probation: fewer than <see cref="IsolationOptions.ProbationCleanLoads"/> clean loads or
/// less than <see cref="IsolationOptions.ProbationCleanRunTime"/> of clean run time). An update resets the record
/// (the Health layer counts from the new version), so just-updated modules are on probation again.
/// Invariant: built-in modules never run isolated; with <see cref="IsolationMode.All"/> every other module does.
/// </summary>
public static class IsolationPolicy
{
    public static IsolationDecision Decide(IsolationMode mode, ModuleTrust trust, IsolationOptions options)
    {
        if (trust.IsBuiltIn) return new(false, "built-in module: trusted");
        switch (mode)
        {
            case IsolationMode.None: return new(false, "isolation is off");
            case IsolationMode.All: return new(true, "isolation is on for every module");
        }
        if (trust.FaultsSinceUpdate > 0) return new(true, $"faulted {trust.FaultsSinceUpdate} time(s) since its install or update");
        if (trust.CleanLoads < options.ProbationCleanLoads)
            return new(true, $"on probation: {trust.CleanLoads} of {options.ProbationCleanLoads} clean loads");
        if (trust.CleanRunTime < options.ProbationCleanRunTime)
            return new(true, $"on probation: {trust.CleanRunTime.TotalHours:0.#} h of {options.ProbationCleanRunTime.TotalHours:0.#} h clean run time");
        return new(false, "clean record: trusted");
    }
}

/// <summary>Whether to isolate and why (shown in status and logs).</summary>
public sealed record IsolationDecision(bool Isolate, string Reason);
