using MoveEverything.UiHost.HostApi;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Tests.Scripting;

public class ModuleRuntimeTests
{
    private static ModuleRuntime Load(TempModule module, out ScriptFault? fault, params IHostApi[] apis)
    {
        var runtime = new ModuleRuntime(module.Spec, TestBudgets.Generous, apis);
        fault = runtime.Load();
        return runtime;
    }

    private static string Eval(ModuleRuntime runtime, string code)
    {
        var fault = runtime.Evaluate(code, out var value);
        Assert.True(fault is null, fault?.Reason);
        return value.ToString();
    }

    [Fact]
    public void Callbacks_on_globalThis_are_called_with_midi_as_a_plain_array()
    {
        using var module = new TempModule("""
            let seen = [];
            globalThis.init = () => { globalThis.inited = true; };
            globalThis.tick = () => { globalThis.ticks = (globalThis.ticks ?? 0) + 1; };
            globalThis.onMidiMessageInternal = (d) => { seen.push(Array.isArray(d) + ':' + d.join(',')); globalThis.seen = seen.join('|'); };
            globalThis.onMidiMessageExternal = (d) => { globalThis.ext = d[1]; };
            """);
        var runtime = Load(module, out var fault);
        Assert.Null(fault);
        Assert.Null(runtime.Init());
        Assert.Null(runtime.Tick());
        Assert.Null(runtime.Tick());
        Assert.Null(runtime.MidiInternal(0xB0, 71, 1));
        Assert.Null(runtime.MidiExternal(0x90, 60, 100));

        Assert.Equal("true", Eval(runtime, "globalThis.inited"));
        Assert.Equal("2", Eval(runtime, "globalThis.ticks"));
        Assert.Equal("true:176,71,1", Eval(runtime, "globalThis.seen"));
        Assert.Equal("60", Eval(runtime, "globalThis.ext"));
    }

    [Fact]
    public void Missing_callbacks_are_simply_not_called()
    {
        using var module = new TempModule("globalThis.tick = () => {};");
        var runtime = Load(module, out var fault);
        Assert.Null(fault);
        Assert.Null(runtime.Init());
        Assert.Null(runtime.MidiInternal(0x90, 1, 1));
        Assert.Null(runtime.Unload());
        Assert.False(runtime.HasCallback("init"));
        Assert.True(runtime.HasCallback("tick"));
    }

    [Fact]
    public void Chain_ui_object_supplies_the_callbacks_for_ui_chain_js()
    {
        using var module = new TempModule("""
            globalThis.chain_ui = {
              count: 0,
              init() { this.count = 100; },
              tick() { this.count++; },
              onMidiMessageInternal(d) { this.last = d[2]; },
            };
            """, entry: "ui_chain.js");
        var runtime = Load(module, out var fault);
        Assert.Null(fault);
        Assert.Null(runtime.Init());
        Assert.Null(runtime.Tick());
        Assert.Null(runtime.MidiInternal(0xB0, 71, 5));
        Assert.Equal("101", Eval(runtime, "globalThis.chain_ui.count"));
        Assert.Equal("5", Eval(runtime, "globalThis.chain_ui.last"));
    }

    [Fact]
    public void Host_functions_exist_before_evaluation_and_absent_ones_are_undefined()
    {
        using var module = new TempModule("""
            globalThis.probe = typeof host_probe + ',' + typeof host_not_provided + ',' + host_probe(2);
            """);
        var runtime = Load(module, out var fault, new ProbeApi());
        Assert.True(fault is null, fault?.Reason);
        Assert.Equal("function,undefined,4", Eval(runtime, "globalThis.probe"));
    }

    [Fact]
    public void Shared_library_is_served_for_all_three_absolute_prefixes_and_relative_shared_paths()
    {
        using var module = new TempModule("""
            import { MoveShift, MoveKnob1, White } from '/data/UserData/schwung/shared/constants.mjs';
            import { decodeDelta } from '/data/UserData/move-anything/shared/input_filter.mjs';
            import { MoveBack } from '/data/UserData/move-everything/shared/constants.mjs';
            import { MoveMenu } from '../../shared/constants.mjs';
            import { helper } from './lib/helper.mjs';
            import * as os from 'os';
            import * as std from 'std';
            globalThis.result = [MoveShift, MoveKnob1, White, MoveBack, MoveMenu, decodeDelta(127), decodeDelta(3), helper(), typeof os.readdir, typeof std.loadFile].join(',');
            """);
        module.Write("lib/helper.mjs", "import { v } from '../values.mjs'; export function helper() { return v; }");
        module.Write("values.mjs", "export const v = 'local';");
        var runtime = Load(module, out var fault);
        Assert.Null(fault);
        Assert.Equal("49,71,120,51,50,-1,3,local,function,function", Eval(runtime, "globalThis.result"));
    }

    [Fact]
    public void Relative_import_outside_the_module_folder_is_refused_with_the_specifier_named()
    {
        using var module = new TempModule("import { x } from '../other-module/ui.js';");
        Load(module, out var fault);
        var missing = Assert.IsType<ScriptFault.MissingImport>(fault);
        Assert.Equal("../other-module/ui.js", missing.Specifier);
        Assert.Contains("outside", missing.Detail);
    }

    private sealed class ProbeApi : IHostApi
    {
        public void Install(HostScope scope) =>
            scope.Define("host_probe", 1, args => Jint.Native.JsNumber.Create(HostScope.Int(args, 0) * 2));
    }
}
