namespace MoveEverything.UiHost.HostApi;

/// <summary>What a module may ask of the session that runs it. Requests take effect at the end of the current call.</summary>
public interface IModuleHostControl
{
    /// <summary>Leave the module and return to the system menu (host_exit_module, host_return_to_menu, shadow_request_exit).</summary>
    void RequestExit(string how);

    /// <summary>Leave the module's screen (host_hide_module); the module is unloaded like an exit.</summary>
    void RequestHide();

    /// <summary>Shift (CC49) currently held, as tracked below the JS runtime.</summary>
    bool ShiftHeld { get; }

    /// <summary>Last value of CC115 (speaker/line-out plug: 0 speaker, 127 line) and CC114 (line in).</summary>
    bool SpeakerActive { get; }
    bool LineInConnected { get; }
}
