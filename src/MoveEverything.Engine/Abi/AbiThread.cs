namespace MoveEverything.Engine.Abi;

/// <summary>The engine thread on which the host calls an ABI entry point or slot.</summary>
public enum AbiThread
{
    /// <summary>The loader (control) thread: dlopen, init, create/destroy, never the realtime thread.</summary>
    Loader,
    /// <summary>The realtime block thread: once or more per 128-frame block.</summary>
    Block,
}
