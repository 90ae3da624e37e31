using Jint.Native;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.HostApi;

/// <summary>
/// Parameters of the module's own DSP (host_module_get_param / set_param / set_param_blocking) and of chain
/// slots (shadow_get_param / shadow_set_param, slot 0–3, key "component:param" is passed through as is).
/// get returns the value as a string, or null when the DSP has none (as the original).
/// </summary>
public sealed class ParamApi(IEngineLink link, DspTarget ownDsp) : IHostApi
{
    public void Install(HostScope scope)
    {
        scope.Define("host_module_set_param", 2, a => Set(ownDsp, a, 0));
        scope.Define("host_module_set_param_blocking", 3, a => Set(ownDsp, a, 0));
        scope.Define("host_module_get_param", 1, a => Get(ownDsp, HostScope.Str(a, 0)));
        scope.Define("shadow_set_param", 3, a => SlotTarget(a) is { } t ? Set(t, a, 1) : JsBoolean.False);
        scope.Define("shadow_set_param_timeout", 4, a => SlotTarget(a) is { } t ? Set(t, a, 1) : JsBoolean.False);
        scope.Define("shadow_get_param", 2, a => SlotTarget(a) is { } t ? Get(t, HostScope.Str(a, 1)) : JsValue.Null);
    }

    private JsValue Set(DspTarget target, JsValue[] args, int keyIndex)
    {
        var key = HostScope.Str(args, keyIndex);
        if (key.Length == 0) return JsBoolean.False;
        link.SetParam(target, key, HostScope.Str(args, keyIndex + 1));
        return JsBoolean.True;
    }

    private JsValue Get(DspTarget target, string key)
    {
        if (key.Length == 0) return JsValue.Null;
        return link.GetParam(target, key) is { } value ? new JsString(value) : JsValue.Null;
    }

    private static DspTarget? SlotTarget(JsValue[] args)
    {
        var slot = HostScope.Int(args, 0);
        return slot is >= 0 and < DspTarget.SlotCount ? new DspTarget(slot, DspComponent.SoundGenerator) : null;
    }
}
