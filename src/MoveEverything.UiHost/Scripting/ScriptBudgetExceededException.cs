namespace MoveEverything.UiHost.Scripting;

/// <summary>Thrown inside Jint by <see cref="ScriptDeadline"/>; never escapes the boundary.</summary>
public sealed class ScriptBudgetExceededException(TimeSpan budget)
    : Exception($"script exceeded its {budget.TotalMilliseconds:0} ms budget")
{
    public TimeSpan Budget { get; } = budget;
}
