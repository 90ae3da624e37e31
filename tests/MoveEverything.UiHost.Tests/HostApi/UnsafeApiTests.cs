using MoveEverything.Hardware;
using MoveEverything.Ipc;
using MoveEverything.Modules.Capabilities;
using MoveEverything.UiHost.HostApi;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Tests.HostApi;

/// <summary>The unsafe host functions from a module's JS: injection carried out through the engine link for a granted
/// module only; the functions this host does not carry out refuse explicitly with a reason the module can read.</summary>
public sealed class UnsafeApiTests : IDisposable
{
    private readonly TempModule _module = new("// exercised through Evaluate", "injector");
    private readonly InMemoryEngineLink _link = new();
    private readonly ListLogger _log = new();

    public void Dispose() => _module.Dispose();

    private (ModuleRuntime Runtime, UnsafeApi Api) Runtime(CapabilitySet granted, IEngineLink? link = null, UiHostOptions? options = null)
    {
        var api = new UnsafeApi(link ?? _link, _log, options);
        var rt = new ModuleRuntime(_module.Spec, TestBudgets.Generous, [api], granted: granted);
        Assert.Null(rt.Load());
        return (rt, api);
    }

    private static string Js(ModuleRuntime rt, string code)
    {
        var fault = rt.Evaluate(code, out var value);
        Assert.True(fault is null, fault?.Reason);
        return value.ToString();
    }

    private static readonly CapabilitySet Inject = CapabilitySet.Of(UnsafeCapability.InjectMoveMidi);

    [Fact]
    public void A_granted_module_injects_whole_packets_with_their_cable_into_the_link()
    {
        var (rt, _) = Runtime(Inject);
        Assert.Equal("true", Js(rt, "String(move_midi_inject_to_move([0x09, 0x90, 60, 100, 0x2B, 0xB2, 7, 64]))"));
        Assert.Equal([UsbMidiPacket.NoteOn(60, 100), UsbMidiPacket.ControlChange(7, 64, channel: 2, cable: 2)], _link.Injected);
        Assert.Equal("null", Js(rt, "String(host_last_refusal())"));
        Assert.Empty(_link.HardwareMidi); // injection is input to the Move, not MIDI out
    }

    [Fact]
    public void The_call_reaches_the_engine_as_an_InjectInput_command_on_the_control_channel()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mev-inject-{Guid.NewGuid():N}.ctl");
        using var engineSide = ControlChannel.Create(path);
        using var uiSide = ControlChannel.Open(path);
        try
        {
            var link = new ControlChannelEngineLink(uiSide, new UiHostOptions());
            var (rt, _) = Runtime(Inject, link);
            Assert.Equal("true", Js(rt, "String(move_midi_inject_to_move([0x09, 0x90, 60, 100]))"));
            Assert.True(engineSide.Commands.TryRead(out var command));
            Assert.Equal(CommandKind.InjectInput, command.Kind);
            Assert.Equal(UsbMidiPacket.NoteOn(60, 100).ToUInt32(), command.Packet);
            Assert.False(engineSide.Commands.TryRead(out _));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_module_without_the_grant_has_no_such_function_and_nothing_reaches_the_link()
    {
        var (rt, _) = Runtime(CapabilitySet.Of(UnsafeCapability.Network, UnsafeCapability.RawMidi));
        Assert.Equal("undefined", Js(rt, "typeof move_midi_inject_to_move"));
        Assert.Equal("ReferenceError", Js(rt, "(() => { try { move_midi_inject_to_move([9, 0x90, 60, 100]); return 'called'; } catch (e) { return e.name; } })()"));
        Assert.Equal("undefined", Js(rt, "typeof globalThis['move_midi_inject_to_move']"));
        Assert.Empty(_link.Injected);
    }

    [Theory]
    [InlineData("'not an array'", "invalid-argument")]
    [InlineData("[]", "invalid-argument")]
    [InlineData("[0x09, 0x90, 60, 100, 0x09]", "invalid-argument")]
    [InlineData("[0x09, 0x90, 60, 100, 0x19, 0x90, 60, 100]", "cable-not-allowed")]
    [InlineData("[0xE9, 0x90, 60, 100]", "cable-not-allowed")]
    [InlineData("[0x04, 0xF0, 0x7E, 0x7F]", "unsupported-packet")]
    [InlineData("[9, 0x90, 1, 1, 9, 0x90, 2, 2, 9, 0x90, 3, 3]", "too-many-packets")]
    public void A_bad_call_is_refused_whole_with_a_code_the_module_can_read(string argument, string code)
    {
        var (rt, api) = Runtime(Inject, options: new UiHostOptions { InjectPacketsPerCall = 2 });
        Assert.Equal("false", Js(rt, $"String(move_midi_inject_to_move({argument}))"));
        Assert.Empty(_link.Injected);
        Assert.Equal(code, Js(rt, "host_last_refusal().code"));
        Assert.Equal("move_midi_inject_to_move", Js(rt, "host_last_refusal().function"));
        Assert.Equal(api.LastRefusal!.Reason, Js(rt, "host_last_refusal().reason"));
        Assert.Contains(_log.Lines, l => l.Contains(code));
    }

    [Fact]
    public void A_full_engine_queue_answers_false_with_engine_busy()
    {
        _link.InjectRingFull = true;
        var (rt, _) = Runtime(Inject);
        Assert.Equal("false", Js(rt, "String(move_midi_inject_to_move([0x09, 0x90, 60, 100]))"));
        Assert.Equal("engine-busy", Js(rt, "host_last_refusal().code"));
        Assert.StartsWith("the engine's command queue is full: 0 of 1", Js(rt, "host_last_refusal().reason"));
        _link.InjectRingFull = false;
        Assert.Equal("true", Js(rt, "String(move_midi_inject_to_move([0x09, 0x90, 60, 100]))"));
        Assert.Equal("null", Js(rt, "String(host_last_refusal())")); // a success clears it
    }

    [Theory]
    [InlineData(UnsafeCapability.Network, "host_http_download", "network")]
    [InlineData(UnsafeCapability.Network, "host_http_request_background", "network")]
    [InlineData(UnsafeCapability.SpawnProcesses, "host_system_cmd", "spawn_processes")]
    public void Functions_this_host_does_not_carry_out_refuse_explicitly(UnsafeCapability capability, string function, string name)
    {
        var (rt, api) = Runtime(CapabilitySet.Of(capability));
        Assert.Equal("false", Js(rt, $"String({function}('https://example.invalid/x', '/tmp/x'))"));
        Assert.Equal("not-carried-out", Js(rt, "host_last_refusal().code"));
        Assert.Equal(function, Js(rt, "host_last_refusal().function"));
        Assert.Equal($"{function} is granted ({name}) but this host does not carry it out yet; see docs/COMPATIBILITY.md",
            Js(rt, "host_last_refusal().reason"));
        Assert.Equal([function], api.Calls);
        Assert.Contains(_log.Lines, l => l.Contains(function) && l.Contains("not-carried-out"));
    }

    [Fact]
    public void The_refusal_reader_is_there_for_every_module_and_starts_empty()
    {
        var (rt, _) = Runtime(CapabilitySet.Empty);
        Assert.Equal("function", Js(rt, "typeof host_last_refusal"));
        Assert.Equal("null", Js(rt, "String(host_last_refusal())"));
    }
}
