namespace MoveEverything.UiHost.Session;

/// <summary>The sink's answer: what to do and the toast to show.</summary>
public sealed record EngineFaultOutcome(EngineFaultAction Action, string Toast);
