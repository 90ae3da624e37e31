namespace MoveEverything.Engine.Isolation;

/// <summary>Which native modules run in their own DSP worker process (docs/CONTAINMENT.md).</summary>
public enum IsolationMode
{
    /// <summary>Every native module except the built-in ones runs in-process (lowest latency, no crash isolation).</summary>
    None,
    /// <summary>Modules on probation run isolated; trusted ones in-process (the default).</summary>
    Untrusted,
    /// <summary>Every third-party native module runs isolated.</summary>
    All,
}
