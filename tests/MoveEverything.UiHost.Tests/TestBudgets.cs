namespace MoveEverything.UiHost.Tests;

public static class TestBudgets
{
    /// <summary>
    /// Budgets no healthy test script comes near on a shared, noisy machine (no test depends on timing):
    /// faults under test come from endless loops, memory, recursion or exceptions, never from slowness.
    /// </summary>
    public static ScriptBudgets Generous { get; } = new()
    {
        Load = TimeSpan.FromSeconds(30), Init = TimeSpan.FromSeconds(30), Tick = TimeSpan.FromSeconds(30),
        Midi = TimeSpan.FromSeconds(30), FirstCall = TimeSpan.FromSeconds(30), Unload = TimeSpan.FromSeconds(30),
    };
}
