namespace MoveEverything.Engine.Isolation;

/// <summary>Which native modules run in their own DSP worker process (docs/CONTAINMENT.md).</summary>
public enum IsolationMode
{
    /// <summary>Every native module runs in-process (lowest latency, no crash isolation).</summary>
    None,
    /// <summary>Native modules run isolated unless their load carries <see cref="Ipc.LoadFlags.Trusted"/> (the default).</summary>
    Untrusted,
    /// <summary>Every native generator and audio FX runs isolated, trusted or not.</summary>
    All,
}
