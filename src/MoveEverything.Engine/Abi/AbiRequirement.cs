namespace MoveEverything.Engine.Abi;

/// <summary>Whether a plugin must export a symbol / fill a function-pointer slot.</summary>
public enum AbiRequirement
{
    /// <summary>Missing means the plugin cannot be loaded (typed load failure).</summary>
    Required,
    /// <summary>May be absent or NULL; the host then skips the call.</summary>
    Optional,
}
