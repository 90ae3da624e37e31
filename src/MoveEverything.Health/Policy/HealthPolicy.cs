namespace MoveEverything.Health.Policy;

/// <summary>
/// Every threshold of the module and host health guardrails, in one place. Each default is taken from a
/// system that has lived with the same problem (sources in ../shared/reference/guardrail-anchors.md, G1 and
/// G2, and in docs/HEALTH.md). Nothing else in the code base hard-codes these numbers.
/// </summary>
public sealed record HealthPolicy
{
    public static HealthPolicy Default { get; } = new();

    /// <summary>
    /// Crashes within <see cref="StrikeWindow"/> that disable a module. Default 3. Why: VS Code's
    /// ExtensionHostCrashTracker restarts a crashing extension host until 3 crashes in 5 minutes, then stops
    /// and asks the user; fewer would punish one unlucky crash, more would let a broken module glitch a
    /// performance over and over.
    /// </summary>
    public int StrikeLimit { get; init; } = 3;

    /// <summary>Window for <see cref="StrikeLimit"/>. Default 5 minutes (VS Code, as above).</summary>
    public TimeSpan StrikeWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A module that faults while being loaded or initialised during a restore (host start-up or engine
    /// restart) is disabled at once, without waiting for <see cref="StrikeLimit"/>. Default on. Why: JUCE's
    /// dead-man's pedal never reloads a plug-in that crashed the host while loading, and the C original's
    /// worst failure was a module restored at boot that crashed the instrument on every boot.
    /// </summary>
    public bool DisableOnRestoreStartupCrash { get; init; } = true;

    /// <summary>
    /// Uninterrupted healthy running time after which a module's strikes are forgiven. Default 1 hour.
    /// Why: Android PackageWatchdog de-escalates after a 1 h window without failures.
    /// </summary>
    public TimeSpan ForgiveAfterHealthy { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Crash fingerprints kept per module (oldest dropped first). Default 10: enough to show a pattern in
    /// the menu, small enough that the state file stays a few kilobytes whatever a module does.
    /// </summary>
    public int StrikeHistoryLimit { get; init; } = 10;

    /// <summary>
    /// Host starts in a row that did not reach "healthy" after which the host starts in safe mode (no
    /// third-party modules). Default 3. Why: Firefox forces safe mode after max_resumed_crashes = 3 startup
    /// crashes. Below the boot selector's own 2-strike fallback to stock Move, which counts boots of the
    /// whole host, this ladder step keeps our host but drops the modules first (least damaging fix first,
    /// as Android RescueParty escalates).
    /// </summary>
    public int UnhealthyStartsForSafeMode { get; init; } = 3;

    /// <summary>
    /// Unhealthy starts older than this no longer count. Default 6 hours (Firefox MAX_TIME_SINCE_STARTUP).
    /// </summary>
    public TimeSpan UnhealthyStartWindow { get; init; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long the host must run with clocked audio frames before the supervisor calls a start healthy.
    /// Default 30 seconds. Why: the Schwung boot selector (PR #423) writes its healthy touch only after ~30 s
    /// of clocked frames; a touch on the first frame would miss the known crash-loop case. Firefox's own
    /// test waits 35 s.
    /// </summary>
    public TimeSpan HealthyStartAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Successful loads a module needs, since its install or last update, before it leaves probation and may be
    /// trusted (run in-process with the engine's isolation mode "untrusted"). Default 20. Why: a new or just-updated
    /// module is where crashes come from; 20 loads cover a few sessions of real use (set changes, restarts) without
    /// keeping a good module at one block of extra latency for weeks.
    /// </summary>
    public int ProbationCleanLoads { get; init; } = 20;

    /// <summary>
    /// Run time without a fault a module needs, since its install or last update, before it leaves probation.
    /// Default 10 hours: a couple of rehearsals and a gig. Both this and <see cref="ProbationCleanLoads"/> must be met.
    /// </summary>
    public TimeSpan ProbationCleanRunTime { get; init; } = TimeSpan.FromHours(10);

    /// <summary>English problems with the values (empty when the policy is usable).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (StrikeLimit < 1) problems.Add("StrikeLimit must be at least 1");
        if (StrikeWindow <= TimeSpan.Zero) problems.Add("StrikeWindow must be positive");
        if (ForgiveAfterHealthy <= TimeSpan.Zero) problems.Add("ForgiveAfterHealthy must be positive");
        if (StrikeHistoryLimit < StrikeLimit) problems.Add("StrikeHistoryLimit must keep at least StrikeLimit strikes");
        if (UnhealthyStartsForSafeMode < 1) problems.Add("UnhealthyStartsForSafeMode must be at least 1");
        if (UnhealthyStartWindow <= TimeSpan.Zero) problems.Add("UnhealthyStartWindow must be positive");
        if (ProbationCleanLoads < 0) problems.Add("ProbationCleanLoads must not be negative");
        if (ProbationCleanRunTime < TimeSpan.Zero) problems.Add("ProbationCleanRunTime must not be negative");
        if (HealthyStartAfter < TimeSpan.Zero) problems.Add("HealthyStartAfter must not be negative");
        return problems;
    }

    /// <summary>"5 minutes", "1 hour", "30 seconds": how the reasons shown to users spell a duration.</summary>
    public static string Spell(TimeSpan span) => span switch
    {
        { TotalHours: >= 1 } when span.TotalHours % 1 == 0 => Plural((int)span.TotalHours, "hour"),
        { TotalMinutes: >= 1 } when span.TotalMinutes % 1 == 0 => Plural((int)span.TotalMinutes, "minute"),
        _ => Plural((int)Math.Round(span.TotalSeconds), "second"),
    };

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
