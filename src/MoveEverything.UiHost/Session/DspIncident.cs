namespace MoveEverything.UiHost.Session;

/// <summary>What <see cref="DspLoadLedger.Poll"/> tells the UI: a toast, and whether the target was emptied.</summary>
public sealed record DspIncident(Link.DspTarget Target, string ModuleId, string Toast, bool Emptied);
