using MoveEverything.Hardware;
using MoveEverything.UiHost.Display;
using MoveEverything.UiHost.HostApi;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Tests.HostApi;

/// <summary>Each host function called from a module's JS, checked on its observable effect.</summary>
public class HostApiTests : IDisposable
{
    private readonly TempModule _module = new("// functions are exercised through Evaluate");
    private readonly Canvas _canvas = new();
    private readonly InMemoryEngineLink _link = new();
    private readonly ListLogger _log = new();
    private readonly Control _control = new();
    private readonly DspTarget _own = new(2, DspComponent.SoundGenerator);
    private readonly FileApi _files;
    private readonly ModuleRuntime _rt;

    public HostApiTests()
    {
        _files = new FileApi(new PathSandbox(_module.DataFolder), new PathSandbox(_module.Folder), 1024, _log);
        _rt = new ModuleRuntime(_module.Spec, TestBudgets.Generous,
            [new DisplayApi(_canvas), new MidiApi(_link, _own), new ParamApi(_link, _own), _files, new LogApi(_log), new LifecycleApi(_control)]);
        Assert.Null(_rt.Load());
    }

    public void Dispose() => _module.Dispose();

    private string Js(string code)
    {
        var fault = _rt.Evaluate(code, out var value);
        Assert.True(fault is null, fault?.Reason);
        return value.ToString();
    }

    [Fact]
    public void Display_functions_draw_on_the_canvas()
    {
        Js("clear_screen(); set_pixel(1, 2, 1); fill_rect(10, 10, 3, 3, 1); draw_rect(20, 20, 4, 4, 1); draw_line(0, 63, 5, 63, 1); fill_circle(100, 30, 2, 1); print(40, 0, 'A', 1);");
        Assert.True(_canvas.GetPixel(1, 2));
        Assert.True(_canvas.GetPixel(11, 11));
        Assert.True(_canvas.GetPixel(23, 23) && !_canvas.GetPixel(21, 21));
        Assert.True(_canvas.GetPixel(5, 63));
        Assert.True(_canvas.GetPixel(100, 32));
        Assert.True(_canvas.GetPixel(41, 0)); // 'A' top row .###.
        Assert.Equal("11,8", Js("text_width('ab') + ',' + get_font_height()"));
        Js("clear_screen()");
        Assert.False(_canvas.GetPixel(1, 2));
    }

    [Fact]
    public void Unsupported_images_and_fonts_return_false_and_flush_is_recorded()
    {
        Assert.Equal("false,false", Js("draw_image('/x.png', 0, 0, 128, false) + ',' + set_font('/f.ttf')"));
        Js("host_flush_display()");
    }

    [Fact]
    public void Internal_and_external_sends_force_the_cable_and_split_packets()
    {
        Js("move_midi_internal_send([0x29, 0x90, 68, 5, 0x2B, 0xB0, 49, 127]); move_midi_external_send([0x09, 0x90, 60, 100])");
        Assert.Equal(3, _link.HardwareMidi.Count);
        Assert.Equal(new UsbMidiPacket(0x09, 0x90, 68, 5), _link.HardwareMidi[0]);
        Assert.Equal(new UsbMidiPacket(0x0B, 0xB0, 49, 127), _link.HardwareMidi[1]);
        Assert.Equal(new UsbMidiPacket(0x29, 0x90, 60, 100), _link.HardwareMidi[2]);
        Assert.Equal("false", Js("move_midi_internal_send([1, 2])"));
    }

    [Fact]
    public void Midi_to_dsp_goes_to_the_slot_named_by_the_channel_and_to_the_module_own_dsp()
    {
        Js("shadow_send_midi_to_dsp([0x91, 60, 100]); host_module_send_midi([0x80, 60, 0], 0)");
        Assert.Equal(new DspTarget(1, DspComponent.SoundGenerator), _link.DspMidi[0].Target);
        Assert.Equal([0x91, 60, 100], _link.DspMidi[0].Message);
        Assert.Equal(_own, _link.DspMidi[1].Target);
        Assert.Equal("false", Js("shadow_send_midi_to_dsp([0xF8])"));
    }

    [Fact]
    public void Params_of_the_own_dsp_and_of_slots_round_trip_and_absent_ones_are_null()
    {
        Assert.Equal("true", Js("host_module_set_param('cutoff', 0.5)"));
        Assert.Equal("0.5", Js("host_module_get_param('cutoff')"));
        Assert.Equal("0.5", _link.GetParam(_own, "cutoff"));
        Assert.Equal("true", Js("host_module_set_param_blocking('res', '3', 500)"));
        Assert.Equal("null", Js("String(host_module_get_param('nothing'))"));
        Js("shadow_set_param(3, 'synth:vol', '0.8')");
        Assert.Equal("0.8", Js("shadow_get_param(3, 'synth:vol')"));
        Assert.Equal("false", Js("shadow_set_param(9, 'k', 'v')"));
    }

    [Fact]
    public void Param_values_up_to_64_KB_come_through()
    {
        var big = new string('x', IEngineLink.MaxParamValueBytes);
        _link.SeedParam(_own, "blob", big);
        Assert.Equal(big.Length.ToString(), Js("host_module_get_param('blob').length"));
    }

    [Fact]
    public void Files_are_read_and_written_in_the_module_data_folder()
    {
        Assert.Equal("true", Js("host_ensure_dir('presets')"));
        Assert.Equal("true", Js("host_write_file('presets/a.json', '{\"v\":1}')"));
        Assert.Equal("{\"v\":1}", File.ReadAllText(Path.Combine(_module.DataFolder, "presets", "a.json")));
        Assert.Equal("true,{\"v\":1}", Js("host_file_exists('presets/a.json') + ',' + host_read_file('presets/a.json')"));
        var absolute = Path.Combine(_module.DataFolder, "presets", "a.json");
        Assert.Equal("{\"v\":1}", Js($"host_read_file('{absolute}')"));
        Assert.Equal("eyJ2IjoxfQ==", Js("host_read_file_base64('presets/a.json')"));
        Assert.Equal("a.json", Js("host_list_dir('presets').join(',')"));
        Assert.Equal("true,false", Js("host_remove_file('presets/a.json') + ',' + host_file_exists('presets/a.json')"));
    }

    [Fact]
    public void The_module_folder_is_readable_but_not_writable()
    {
        File.WriteAllText(Path.Combine(_module.Folder, "bank.txt"), "factory");
        Assert.Equal("factory", Js($"host_read_file('{Path.Combine(_module.Folder, "bank.txt")}')"));
        Assert.Equal("false", Js($"host_write_file('{Path.Combine(_module.Folder, "bank.txt")}', 'x')"));
        Assert.Equal("factory", File.ReadAllText(Path.Combine(_module.Folder, "bank.txt")));
    }

    [Theory]
    [InlineData("../escape.txt", "'..' is not allowed")]
    [InlineData("/etc/passwd", "outside the module's folder")]
    [InlineData("", "empty path")]
    public void Paths_outside_the_data_folder_are_refused_with_a_clear_reason(string path, string reason)
    {
        Assert.Equal("false", Js($"host_write_file('{path}', 'x')"));
        Assert.Contains(reason, _files.LastRefusal);
        Assert.Contains(_log.Lines, l => l.StartsWith("Warning:") && l.Contains("host_write_file") && l.Contains(reason));
        Assert.Equal("null", Js($"String(host_read_file('{path}'))"));
    }

    [Fact]
    public void A_symlink_out_of_the_data_folder_is_refused_on_realpath_recheck()
    {
        var outside = Path.Combine(_module.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
        Directory.CreateSymbolicLink(Path.Combine(_module.DataFolder, "link"), outside);
        Assert.Equal("null", Js("String(host_read_file('link/secret.txt'))"));
        Assert.Equal("false", Js("host_write_file('link/new.txt', 'x')"));
        Assert.Contains("through a link", _files.LastRefusal);
        Assert.False(File.Exists(Path.Combine(outside, "new.txt")));
    }

    [Fact]
    public void Files_over_the_read_limit_are_refused()
    {
        File.WriteAllText(Path.Combine(_module.DataFolder, "big.bin"), new string('b', 2048));
        Assert.Equal("null", Js("String(host_read_file('big.bin'))"));
        Assert.Contains("over the 1024-byte limit", _files.LastRefusal);
    }

    [Fact]
    public void Console_and_logs_reach_the_logger_tagged_with_the_module()
    {
        Js("console.log('hello', 42); console.error('bad'); shadow_log('s'); unified_log('ui', 'u')");
        Assert.Contains("Information: [test-module] hello 42", _log.Lines);
        Assert.Contains("Error: [test-module] bad", _log.Lines);
        Assert.Contains("Information: [test-module] s", _log.Lines);
        Assert.Contains("Information: [test-module/ui] u", _log.Lines);
        Assert.Equal("true", Js("unified_log_enabled()"));
    }

    [Fact]
    public void Lifecycle_requests_and_input_state_go_to_the_session()
    {
        _control.Shift = true;
        Assert.Equal("true,true,false", Js("shadow_get_shift_held() + ',' + host_speaker_active() + ',' + host_line_in_connected()"));
        Js("host_return_to_menu()");
        Assert.Equal("host_return_to_menu", _control.Exit);
        Js("host_hide_module()");
        Assert.True(_control.Hidden);
    }

    [Fact]
    public void Names_the_host_does_not_provide_are_undefined_so_typeof_guards_work()
    {
        Assert.Equal("undefined,undefined,undefined,function", Js(
            "[typeof host_midi_send, typeof host_system_cmd, typeof host_http_download, typeof host_module_get_param].join(',')"));
    }

    [Fact]
    public void At_least_thirty_host_functions_are_installed()
    {
        var names = Js("Object.getOwnPropertyNames(globalThis).filter(n => typeof globalThis[n] === 'function' && /^(host_|shadow_|move_|clear_screen|set_pixel|draw_|fill_|print|text_width|get_font_height|set_font|unified_)/.test(n)).length");
        Assert.True(int.Parse(names) >= 30, names);
    }

    private sealed class Control : IModuleHostControl
    {
        public string? Exit;
        public bool Hidden;
        public bool Shift;
        public void RequestExit(string how) => Exit = how;
        public void RequestHide() => Hidden = true;
        public bool ShiftHeld => Shift;
        public bool SpeakerActive => true;
        public bool LineInConnected => false;
    }
}
