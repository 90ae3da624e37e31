namespace MoveEverything.UiHost.Scripting;

/// <summary>Thrown inside Jint by <see cref="ScriptDeadline"/> when the host cancels; never escapes the boundary.</summary>
public sealed class ScriptCancelledException() : Exception("script cancelled by the host");
