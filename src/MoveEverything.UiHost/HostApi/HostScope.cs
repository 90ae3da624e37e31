using Jint;
using Jint.Native;
using Jint.Runtime.Interop;
using MoveEverything.Modules.Capabilities;

namespace MoveEverything.UiHost.HostApi;

/// <summary>
/// What a host API group sees while installing: the module's Jint engine, and helpers that convert
/// loosely typed JS arguments the way the original's C bindings do (missing number → 0, missing string → "").
/// Enforcement invariant (tested from JS): a function gated by an unsafe capability
/// (<see cref="CapabilitySurfaces.RequiredForJsFunction"/>) is never created unless <see cref="Granted"/> holds
/// it — it is not hidden, it does not exist in this module's engine, so no global lookup, Function constructor,
/// prototype or Reflect trick can reach it. Each module has its own engine, so another module's grant is unreachable.
/// </summary>
public sealed class HostScope(Engine engine, string moduleId, CapabilitySet granted = default)
{
    public Engine Engine { get; } = engine;
    public string ModuleId { get; } = moduleId;
    public CapabilitySet Granted { get; } = granted;

    /// <summary>Whether <paramref name="name"/> may be installed for this module.</summary>
    public bool MayInstall(string name) => CapabilitySurfaces.RequiredForJsFunction(name) is not { } c || Granted.Contains(c);

    public void Define(string name, int arity, Func<JsValue[], JsValue> body)
    {
        if (!MayInstall(name)) return;
        Engine.SetValue(name, new ClrFunction(Engine, name, (_, args) => body(args), arity));
    }

    public void Define(string name, int arity, Action<JsValue[]> body) =>
        Define(name, arity, args => { body(args); return JsValue.Undefined; });

    public static JsValue Arg(JsValue[] args, int i) => i < args.Length ? args[i] : JsValue.Undefined;

    public static int Int(JsValue[] args, int i)
    {
        var v = Arg(args, i);
        if (v.IsNumber()) { var d = v.AsNumber(); return double.IsFinite(d) ? (int)Math.Clamp(d, int.MinValue, int.MaxValue) : 0; }
        if (v.IsBoolean()) return v.AsBoolean() ? 1 : 0;
        return v.IsString() && int.TryParse(v.AsString(), out var n) ? n : 0;
    }

    public static string Str(JsValue[] args, int i)
    {
        var v = Arg(args, i);
        return v.IsUndefined() || v.IsNull() ? "" : v.ToString();
    }

    /// <summary>Reads an array-like of numbers as bytes (each masked to 0–255); null when not array-like.</summary>
    public static byte[]? Bytes(JsValue[] args, int i)
    {
        var v = Arg(args, i);
        if (!v.IsObject()) return null;
        var obj = v.AsObject();
        var length = (int)Math.Min(TypeConverter(obj.Get("length")), 4096);
        var bytes = new byte[Math.Max(0, length)];
        for (var k = 0; k < bytes.Length; k++)
            bytes[k] = (byte)((int)TypeConverter(obj.Get(k)) & 0xFF);
        return bytes;
    }

    public JsValue Array(params int[] values) =>
        new JsArray(Engine, values.Select(v => (JsValue)JsNumber.Create(v)).ToArray());

    private static double TypeConverter(JsValue v) => v.IsNumber() ? v.AsNumber() : 0;
}
