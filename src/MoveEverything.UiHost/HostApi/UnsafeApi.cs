using Jint.Native;
using Jint.Native.Object;
using Microsoft.Extensions.Logging;
using MoveEverything.Hardware;
using MoveEverything.Modules.Capabilities;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.HostApi;

/// <summary>
/// The host functions that only exist for a module granted their unsafe capability (CapabilitySurfaces).
/// <see cref="HostScope.Define(string,int,Func{JsValue[],JsValue})"/> skips each one unless granted, so a module
/// without the grant has no such function anywhere in its engine.
/// <list type="bullet">
/// <item><c>move_midi_inject_to_move(packets)</c> (inject_move_midi) is carried out: whole 4-byte USB-MIDI packets, cable
/// kept (0 = the Move's controls, 2 = USB-A input), go into the engine's input routing through
/// <see cref="IEngineLink.InjectToMove"/>. A call is checked whole before anything is sent (cables 0/2 only, channel
/// messages only, at most <see cref="UiHostOptions.InjectPacketsPerCall"/>); answers true when every packet was queued.</item>
/// <item>The network and process functions are not carried out by this host: each call is logged and answers false (the
/// original's failure value) with an explicit refusal.</item>
/// </list>
/// Every false answer records an <see cref="UnsafeCallRefusal"/> the module reads with <c>host_last_refusal()</c>
/// (always installed: it reveals nothing the module could not do) — never a silent stub.
/// </summary>
public sealed class UnsafeApi(IEngineLink link, ILogger log, UiHostOptions? options = null) : IHostApi
{
    private const string InjectFunction = "move_midi_inject_to_move";
    private readonly int _maxPackets = (options ?? new UiHostOptions()).InjectPacketsPerCall;

    /// <summary>Names of the calls made, in order (tests and diagnostics).</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The last refusal (what host_last_refusal() returns); null when the last unsafe call succeeded.</summary>
    public UnsafeCallRefusal? LastRefusal { get; private set; }

    public void Install(HostScope scope)
    {
        foreach (var surface in CapabilitySurfaces.All)
            foreach (var name in surface.UnlocksJs)
            {
                var fn = name;
                if (fn == InjectFunction) scope.Define(fn, 1, a => Inject(scope.ModuleId, HostScope.Bytes(a, 0)));
                else scope.Define(fn, 1, _ => NotCarriedOut(scope.ModuleId, fn, surface.Capability));
            }
        scope.Define("host_last_refusal", 0, _ => RefusalObject(scope));
    }

    private JsValue Inject(string moduleId, byte[]? bytes)
    {
        Calls.Add(InjectFunction);
        if (Check(bytes) is { } problem) return Refuse(moduleId, InjectFunction, problem.Code, problem.Reason);
        var count = bytes!.Length / 4;
        for (var i = 0; i < count; i++)
            if (!link.InjectToMove(Packet(bytes, i)))
                return Refuse(moduleId, InjectFunction, UnsafeRefusalCode.EngineBusy,
                    $"the engine's command queue is full: {i} of {count} packet(s) were injected; try again on a later tick");
        LastRefusal = null;
        return JsBoolean.True;
    }

    /// <summary>Validates a whole call before anything is sent; null when every packet may be injected.</summary>
    private (UnsafeRefusalCode Code, string Reason)? Check(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0 || bytes.Length % 4 != 0)
            return (UnsafeRefusalCode.InvalidArgument, "expects an array of whole 4-byte USB-MIDI packets [cable<<4|CIN, status, data1, data2, …]");
        if (bytes.Length / 4 > _maxPackets)
            return (UnsafeRefusalCode.TooManyPackets, $"{bytes.Length / 4} packets in one call; at most {_maxPackets}");
        for (var i = 0; i < bytes.Length / 4; i++)
        {
            var p = Packet(bytes, i);
            if (p.Cable is not (UsbMidiPacket.CableInternal or UsbMidiPacket.CableExternal))
                return (UnsafeRefusalCode.CableNotAllowed, $"packet {i} is on cable {p.Cable}; only cable 0 (the Move's controls) and 2 (USB-A) can be injected");
            if (p.Cin < 0x8)
                return (UnsafeRefusalCode.UnsupportedPacket, $"packet {i} has CIN {p.Cin:X}; only channel messages (CIN 8–F) are injected");
        }
        return null;
    }

    private static UsbMidiPacket Packet(byte[] bytes, int index) =>
        new(bytes[index * 4], bytes[index * 4 + 1], bytes[index * 4 + 2], bytes[index * 4 + 3]);

    private JsValue NotCarriedOut(string moduleId, string name, UnsafeCapability capability)
    {
        Calls.Add(name);
        return Refuse(moduleId, name, UnsafeRefusalCode.NotCarriedOut,
            $"{name} is granted ({UnsafeCapabilities.NameOf(capability)}) but this host does not carry it out yet; see docs/COMPATIBILITY.md");
    }

    private JsValue Refuse(string moduleId, string name, UnsafeRefusalCode code, string reason)
    {
        LastRefusal = new UnsafeCallRefusal(name, code, reason);
        log.LogWarning("{Module} called {Function}: refused ({Code}): {Reason}", moduleId, name, LastRefusal.CodeText, reason);
        return JsBoolean.False;
    }

    private JsValue RefusalObject(HostScope scope)
    {
        if (LastRefusal is not { } r) return JsValue.Null;
        var o = new JsObject(scope.Engine);
        o.Set("function", r.Function);
        o.Set("code", r.CodeText);
        o.Set("reason", r.Reason);
        return o;
    }
}
