using MoveEverything.Hardware;
using MoveEverything.UiHost.Display;
using MoveEverything.UiHost.HostApi;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Tests.Shared;

public sealed class SharedLibraryTests : IDisposable
{
    private readonly List<TempModule> _modules = [];

    public void Dispose() => _modules.ForEach(m => m.Dispose());

    private (ModuleRuntime Rt, InMemoryEngineLink Link, Canvas Canvas) Run(string uiJs)
    {
        var module = new TempModule(uiJs);
        _modules.Add(module);
        var link = new InMemoryEngineLink();
        var canvas = new Canvas();
        var own = DspTarget.Overtake;
        var rt = new ModuleRuntime(module.Spec, TestBudgets.Generous,
            [new DisplayApi(canvas), new MidiApi(link, own), new ParamApi(link, own), new LogApi(new ListLogger())]);
        var fault = rt.Load();
        Assert.True(fault is null, fault?.Reason);
        return (rt, link, canvas);
    }

    private static string Js(ModuleRuntime rt, string code)
    {
        var fault = rt.Evaluate(code, out var v);
        Assert.True(fault is null, fault?.Reason);
        return v.ToString();
    }

    [Fact]
    public void Every_shared_file_evaluates()
    {
        var imports = string.Join('\n', SharedLibrary.Embedded.Names.Where(n => !n.StartsWith("builtin/"))
            .Select((n, i) => $"import * as m{i} from '/data/UserData/schwung/shared/{n}';"));
        Assert.Contains("constants.mjs", imports);
        Run(imports);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(63, 63)]
    [InlineData(127, -1)]
    [InlineData(65, -63)]
    [InlineData(0, 0)]
    [InlineData(64, 0)]
    public void DecodeDelta_follows_the_documented_mapping(int value, int expected)
    {
        var (rt, _, _) = Run("import { decodeDelta } from '/data/UserData/schwung/shared/input_filter.mjs'; globalThis.d = decodeDelta;");
        Assert.Equal(expected.ToString(), Js(rt, $"d({value})"));
    }

    [Fact]
    public void DecodeAcceleratedDelta_is_one_for_a_first_turn_and_keeps_the_sign()
    {
        var (rt, _, _) = Run("import { decodeAcceleratedDelta } from '/data/UserData/schwung/shared/input_filter.mjs'; globalThis.a = decodeAcceleratedDelta;");
        Assert.Equal("1", Js(rt, "a(1, 'k1')"));
        Assert.Equal("-1", Js(rt, "a(127, 'k2')"));
        var fast = int.Parse(Js(rt, "a(1, 'k3'); a(1, 'k3')")); // two turns within the same millisecond or so
        Assert.InRange(fast, 1, 10);
    }

    [Fact]
    public void SetLED_and_setButtonLED_send_cable_0_packets_once_per_colour_change()
    {
        var (rt, link, _) = Run("import { setLED, setButtonLED } from '/data/UserData/schwung/shared/input_filter.mjs'; globalThis.L = setLED; globalThis.B = setButtonLED;");
        Js(rt, "L(68, 5); L(68, 5); L(68, 6); B(49, 127); B(49, 127)");
        Assert.Equal(
            [new UsbMidiPacket(0x09, 0x90, 68, 5), new UsbMidiPacket(0x09, 0x90, 68, 6), new UsbMidiPacket(0x0B, 0xB0, 49, 127)],
            link.HardwareMidi);
    }

    [Fact]
    public void Capacitive_touch_is_recognised_as_noise()
    {
        var (rt, _, _) = Run("import * as f from '/data/UserData/schwung/shared/input_filter.mjs'; globalThis.f = f;");
        Assert.Equal("true,true,false", Js(rt, "[f.isCapacitiveTouchMessage([0x90, 3, 127]), f.shouldFilterMessage([0x90, 8, 127]), f.shouldFilterMessage([0x90, 68, 100])].join(',')"));
    }

    [Fact]
    public void Menu_helpers_navigate_and_edit_values()
    {
        var (rt, _, canvas) = Run("""
            import { createValue, createToggle } from '/data/UserData/schwung/shared/menu_items.mjs';
            import { createMenuState, handleMenuInput } from '/data/UserData/schwung/shared/menu_nav.mjs';
            import { drawHierarchicalMenu } from '/data/UserData/schwung/shared/menu_render.mjs';
            let level = 5, on = false;
            const items = [createValue('Level', { get: () => level, set: (v) => { level = v; }, min: 0, max: 10 }),
                           createToggle('On', { get: () => on, set: (v) => { on = v; } })];
            const state = createMenuState();
            globalThis.step = (cc, v) => handleMenuInput({ cc, value: v, items, state });
            globalThis.show = () => `${level},${on},${state.selectedIndex}`;
            globalThis.draw = () => drawHierarchicalMenu({ title: 'T', items, selectedIndex: state.selectedIndex });
            """);
        Js(rt, "step(3, 127); step(14, 3); step(51, 127); step(14, 1); step(3, 127)");
        Assert.Equal("8,true,1", Js(rt, "show()"));
        Js(rt, "draw()");
        Assert.True(canvas.GetPixel(0, 0)); // inverted header bar
    }

    [Fact]
    public void Sound_generator_ui_edits_params_with_knobs()
    {
        var (rt, link, _) = Run("""
            import { createSoundGeneratorUI } from '/data/UserData/schwung/shared/sound_generator_ui.mjs';
            globalThis.chain_ui = createSoundGeneratorUI({ name: 'S', params: [{ key: 'cutoff', min: 0, max: 1, step: 0.1 }] });
            """);
        link.SeedParam(DspTarget.Overtake, "cutoff", "0.5");
        Js(rt, "chain_ui.init(); chain_ui.onMidiMessageInternal([0xB0, 71, 2]); chain_ui.tick()");
        Assert.Equal(0.7, double.Parse(link.GetParam(DspTarget.Overtake, "cutoff")!), 6);
    }

    [Fact]
    public void Std_and_os_shims_use_the_confined_file_functions()
    {
        using var module = new TempModule("""
            import * as std from 'std';
            import * as os from 'os';
            globalThis.run = () => { os.mkdir('d'); const f = std.open('d/x.txt', 'w'); f.puts('hi'); f.close();
              return std.loadFile('d/x.txt') + ',' + os.readdir('d')[0].join('|') + ',' + os.stat('d/x.txt')[1]; };
            """);
        var files = new FileApi(new PathSandbox(module.DataFolder), new PathSandbox(module.Folder), 1 << 20, new ListLogger());
        var rt = new ModuleRuntime(module.Spec, TestBudgets.Generous, [files]);
        Assert.Null(rt.Load());
        Assert.Equal("hi,x.txt,0", Js(rt, "run()"));
    }
}
