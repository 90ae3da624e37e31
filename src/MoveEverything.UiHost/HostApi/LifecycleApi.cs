using Jint.Native;

namespace MoveEverything.UiHost.HostApi;

/// <summary>Leaving the module and reading host input state: host_exit_module, host_return_to_menu, host_hide_module, shadow_request_exit, shadow_get_shift_held, host_speaker_active, host_line_in_connected.</summary>
public sealed class LifecycleApi(IModuleHostControl control) : IHostApi
{
    public void Install(HostScope scope)
    {
        scope.Define("host_exit_module", 0, _ => control.RequestExit("host_exit_module"));
        scope.Define("host_return_to_menu", 0, _ => control.RequestExit("host_return_to_menu"));
        scope.Define("shadow_request_exit", 0, _ => control.RequestExit("shadow_request_exit"));
        scope.Define("host_hide_module", 0, _ => control.RequestHide());
        scope.Define("shadow_get_shift_held", 0, _ => control.ShiftHeld ? JsBoolean.True : JsBoolean.False);
        scope.Define("host_speaker_active", 0, _ => control.SpeakerActive ? JsBoolean.True : JsBoolean.False);
        scope.Define("host_line_in_connected", 0, _ => control.LineInConnected ? JsBoolean.True : JsBoolean.False);
    }
}
