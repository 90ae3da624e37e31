namespace MoveEverything.UiHost.Link;

/// <summary>
/// Receives hardware input on the engine link's input thread. Implementations must be thread-safe and
/// quick: they run below the JS runtime, which is what lets the escape combination work while a module's
/// script is stuck.
/// </summary>
public interface IEngineInputSink
{
    void OnInput(InputEvent input);

    /// <summary>The engine saw the escape combination itself (it watches it too, §4.4).</summary>
    void OnEscape();
}
