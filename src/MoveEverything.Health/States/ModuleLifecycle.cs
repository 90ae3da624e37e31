namespace MoveEverything.Health.States;

/// <summary>
/// The allowed state changes, written as English sentences and checked by the registry. Invariants:
/// <list type="bullet">
/// <item>A disabled, refused or consent-waiting module never goes straight to Loading: the user (or a change
/// such as consent or an update) first returns it to Stopped, so nothing the user turned off starts by itself.</item>
/// <item>A crashed module never goes straight to Running: it is loaded again (Loading) or stays down.</item>
/// <item>Every state can reach Stopped or DisabledByUser, so the user always has a way out.</item>
/// <item>Staying in the same state is not a transition (the registry treats it as a no-op).</item>
/// </list>
/// </summary>
public static class ModuleLifecycle
{
    public static IReadOnlyList<ModuleTransition> Transitions { get; } =
    [
        new(ModuleState.Stopped, ModuleState.Loading, "the host starts an enabled module"),
        new(ModuleState.Stopped, ModuleState.Crashed, "a fault arrives for a module the host believed stopped (e.g. while unloading)"),
        new(ModuleState.Stopped, ModuleState.DisabledByUser, "the user disables it"),
        new(ModuleState.Stopped, ModuleState.DisabledByPolicy, "a late fault report pushes it over the crash policy"),
        new(ModuleState.Stopped, ModuleState.AwaitingConsent, "it declares an unsafe capability the user has not agreed to"),
        new(ModuleState.Stopped, ModuleState.Refused, "it cannot run on this host (compatibility, safe mode)"),

        new(ModuleState.Loading, ModuleState.Running, "load and init succeeded"),
        new(ModuleState.Loading, ModuleState.Crashed, "load or init faulted"),
        new(ModuleState.Loading, ModuleState.Refused, "load found it incompatible (typed refusal)"),
        new(ModuleState.Loading, ModuleState.Stopped, "the host cancelled the load (slot cleared, shutdown)"),
        new(ModuleState.Loading, ModuleState.DisabledByUser, "the user disables it while it loads"),

        new(ModuleState.Running, ModuleState.Crashed, "it faulted while running"),
        new(ModuleState.Running, ModuleState.Bypassed, "it overran its CPU share too many blocks in a row"),
        new(ModuleState.Running, ModuleState.Stopped, "the host or the user unloaded it normally"),
        new(ModuleState.Running, ModuleState.DisabledByUser, "the user disables it"),

        new(ModuleState.Bypassed, ModuleState.Running, "the bypass is lifted (reload or user un-bypass)"),
        new(ModuleState.Bypassed, ModuleState.Crashed, "it faulted while bypassed (UI side still runs)"),
        new(ModuleState.Bypassed, ModuleState.Stopped, "it was unloaded"),
        new(ModuleState.Bypassed, ModuleState.DisabledByUser, "the user disables it"),

        new(ModuleState.Crashed, ModuleState.Loading, "the policy allows a restart"),
        new(ModuleState.Crashed, ModuleState.Stopped, "it is left unloaded until next use"),
        new(ModuleState.Crashed, ModuleState.DisabledByPolicy, "the crash policy disables it"),
        new(ModuleState.Crashed, ModuleState.DisabledByUser, "the user disables it"),

        new(ModuleState.DisabledByUser, ModuleState.Stopped, "the user re-enables it"),
        new(ModuleState.DisabledByPolicy, ModuleState.Stopped, "the user re-enables it (strikes are cleared)"),
        new(ModuleState.DisabledByPolicy, ModuleState.DisabledByUser, "the user confirms it should stay off"),

        new(ModuleState.AwaitingConsent, ModuleState.Stopped, "the user agreed to its unsafe capabilities"),
        new(ModuleState.AwaitingConsent, ModuleState.DisabledByUser, "the user declines and disables it"),
        new(ModuleState.AwaitingConsent, ModuleState.Refused, "it became incompatible (update, safe mode)"),

        new(ModuleState.Refused, ModuleState.Stopped, "the reason went away (host updated, safe mode left)"),
        new(ModuleState.Refused, ModuleState.AwaitingConsent, "it became compatible but still needs consent"),
        new(ModuleState.Refused, ModuleState.DisabledByUser, "the user disables it"),
    ];

    private static readonly HashSet<(ModuleState, ModuleState)> Allowed =
        Transitions.Select(t => (t.From, t.To)).ToHashSet();

    public static bool IsAllowed(ModuleState from, ModuleState to) => Allowed.Contains((from, to));

    /// <summary>The sentence for an allowed move, or null when the move is not allowed.</summary>
    public static string? Why(ModuleState from, ModuleState to) =>
        Transitions.FirstOrDefault(t => t.From == from && t.To == to)?.Why;
}
