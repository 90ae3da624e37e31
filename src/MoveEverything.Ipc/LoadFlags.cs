namespace MoveEverything.Ipc;

/// <summary>
/// What the sender of a plugin load (UI host, supervisor, CLI) knows about the module and the engine cannot:
/// the user's consent and the module's record. Carried in <see cref="EngineCommand.Value"/> of LoadPlugin, in
/// <see cref="ChainLoad.Flags"/> for start-up loads, and echoed in <see cref="ModuleStatus.Flags"/> so a restarted
/// engine gets the same flags back. Zero means "nothing known": no grant, not trusted.
/// </summary>
[Flags]
public enum LoadFlags
{
    None = 0,
    /// <summary>The user consented to hardware_mailbox: host_api_v1_t.mapped_memory may be filled. Without it, NULL.</summary>
    GrantMailbox = 1,
    /// <summary>
    /// The Health layer judged the module trusted (built in, or a clean record past probation and no unsafe native
    /// capability). With the engine's isolation mode "untrusted", a native module runs in-process only with this flag.
    /// </summary>
    Trusted = 2,
}
