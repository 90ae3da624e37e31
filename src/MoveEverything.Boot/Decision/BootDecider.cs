using MoveEverything.Boot.Updates;

namespace MoveEverything.Boot.Decision;

/// <summary>
/// The launcher's policy, as a pure function of <see cref="BootInputs"/>. Order of precedence:
/// interrupted operation → stock; stock key combination → stock; safe key combination or safe-mode flag → safe;
/// latched crash loop → stock; crash loop → safe; otherwise normal. Invariants (asserted in tests):
/// a boot that never showed health adds exactly one strike (unless a trial update takes the blame);
/// a healthy normal boot clears all strikes; a healthy safe boot leaves one strike short of safe mode;
/// a trial host version is committed only after a healthy boot and reverted after <see cref="BootOptions.TrialBootLimit"/> unhealthy ones.
/// </summary>
public static class BootDecider
{
    public static BootOutcome Decide(BootInputs inputs, BootOptions options)
    {
        var notes = new List<string>();
        var (strikes, latched, pointer) = SettlePreviousBoot(inputs, options, notes);
        if (!latched) strikes.RemoveAll(s => inputs.Now - s > options.StrikeWindow);
        if (strikes.Count >= options.StockAfterUnhealthyBoots) latched = true;

        var (target, trigger, reason, consumeFlag) = ChooseTarget(inputs, options, strikes, ref latched);
        string? version = null;
        if (target != BootTarget.Stock)
        {
            (version, pointer) = ChooseHostVersion(inputs, target, pointer, notes);
            if (version is null)
                (target, trigger, reason) = (BootTarget.Stock, BootTrigger.HostMissing,
                    "no bootable Move Everything version is installed; run `mev install` again. Booting stock Move");
        }
        if (target == BootTarget.Stock && !inputs.StockBackupPresent)
        {
            // Stock cannot start without its backup: safe mode is the path left to a menu and a recovery.
            var (rescue, rescuedPointer) = ChooseHostVersion(inputs, BootTarget.Safe, pointer, notes);
            notes.Add("the stock backup is missing: stock Move cannot start; run `mev install` to diagnose");
            if (rescue is not null)
                (target, version, pointer, reason) = (BootTarget.Safe, rescue, rescuedPointer, reason + "; stock Move is unavailable, so safe mode instead");
        }

        var next = new BootState(inputs.State.BootCount + 1, inputs.Now, target, version, strikes, latched);
        var decision = new BootDecision(target, trigger, reason, version, notes);
        return new BootOutcome(decision, next, pointer, consumeFlag);
    }

    /// <summary>Turns the previous boot's outcome into strikes, a commit or a rollback.</summary>
    private static (List<DateTimeOffset> Strikes, bool Latched, HostPointer Pointer) SettlePreviousBoot(
        BootInputs inputs, BootOptions options, List<string> notes)
    {
        var state = inputs.State;
        var strikes = new List<DateTimeOffset>(state.Strikes);
        var pointer = inputs.Pointer;
        if (state.BootCount == 0 || state.LastTarget is not (BootTarget.Normal or BootTarget.Safe))
            return (strikes, state.StockLatched, pointer);

        bool wasTrial = pointer.Trial is not null && pointer.Trial == state.LastHostVersion;
        if (inputs.Health?.BootId == state.BootCount)
        {
            if (state.LastTarget == BootTarget.Normal) strikes.Clear();
            else if (strikes.Count >= options.SafeModeAfterUnhealthyBoots)
                strikes.RemoveRange(0, strikes.Count - (options.SafeModeAfterUnhealthyBoots - 1));
            if (wasTrial)
            {
                notes.Add($"host {pointer.Trial} proved healthy and is now the committed version");
                pointer = pointer.CommitTrial();
            }
        }
        else if (wasTrial)
        {
            if (pointer.TrialBoots >= options.TrialBootLimit)
            {
                notes.Add($"update to host {pointer.Trial} never showed health: rolled back to {pointer.Committed}");
                pointer = pointer.RevertTrial();
            }
        }
        else
        {
            strikes.Add(state.LastBootAt ?? inputs.Now);
        }
        return (strikes, state.StockLatched, pointer);
    }

    private static (BootTarget, BootTrigger, string, bool) ChooseTarget(
        BootInputs inputs, BootOptions options, List<DateTimeOffset> strikes, ref bool latched)
    {
        if (inputs.Journal is { } journal)
            return (BootTarget.Stock, BootTrigger.InterruptedOperation,
                $"{journal} was interrupted; run `mev {journal.Operation}` again. Booting stock Move meanwhile", false);
        if (options.StockCombo.IsSubsetOf(inputs.HeldKeys))
            return (BootTarget.Stock, BootTrigger.KeyCombination, $"{Names(options.StockCombo)} held at power-on: stock Move for this boot", false);

        string? safeReason = null;
        var trigger = BootTrigger.SafeModeFlag;
        if (options.SafeModeCombo.IsSubsetOf(inputs.HeldKeys))
            (safeReason, trigger) = ($"{Names(options.SafeModeCombo)} held at power-on", BootTrigger.KeyCombination);
        else if (inputs.SafeModeFlagReason is { } flag)
            safeReason = flag.Length > 0 ? $"safe mode requested: {flag}" : "safe mode requested";
        if (safeReason is not null)
        {
            // The user asked: leave the stock latch, and let two more failures (not one) bring stock back.
            latched = false;
            if (strikes.Count > options.SafeModeAfterUnhealthyBoots)
                strikes.RemoveRange(0, strikes.Count - options.SafeModeAfterUnhealthyBoots);
            return (BootTarget.Safe, trigger, safeReason, inputs.SafeModeFlagReason is not null);
        }
        if (latched)
            return (BootTarget.Stock, BootTrigger.CrashLoop,
                $"{strikes.Count} boots without health, also in safe mode: stock Move until you hold {Names(options.SafeModeCombo)} at power-on or run `mev safe-mode`", false);
        if (strikes.Count >= options.SafeModeAfterUnhealthyBoots)
            return (BootTarget.Safe, BootTrigger.CrashLoop,
                $"{strikes.Count} boots in a row did not become healthy within {options.StrikeWindow.TotalMinutes:0} min: modules are off", false);
        return (BootTarget.Normal, BootTrigger.Default, "normal boot", false);
    }

    /// <summary>Normal boots try a pending trial first; safe boots use the committed version; both fall back to previous.</summary>
    private static (string?, HostPointer) ChooseHostVersion(BootInputs inputs, BootTarget target, HostPointer pointer, List<string> notes)
    {
        if (target == BootTarget.Normal && pointer.Trial is { } trial)
        {
            if (inputs.HostBootable(trial))
                return (trial, pointer with { TrialBoots = pointer.TrialBoots + 1 });
            notes.Add($"staged host {trial} is not on disk: dropped");
            pointer = pointer.RevertTrial();
        }
        if (pointer.Committed is { } committed && inputs.HostBootable(committed)) return (committed, pointer);
        if (pointer.Previous is { } previous && inputs.HostBootable(previous))
        {
            notes.Add($"host {pointer.Committed} is not on disk: booting previous version {previous}");
            return (previous, pointer);
        }
        return (null, pointer);
    }

    private static string Names(IReadOnlySet<MoveKey> keys) => string.Join('+', keys.OrderBy(k => k != MoveKey.Shift));
}
