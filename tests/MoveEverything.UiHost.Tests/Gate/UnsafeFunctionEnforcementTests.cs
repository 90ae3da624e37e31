using MoveEverything.Modules.Capabilities;
using MoveEverything.UiHost.HostApi;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Tests.Gate;

/// <summary>
/// Enforcement, not labels: a module without a grant tries every way we know to reach an unsafe host function.
/// Each probe is also run on a granted module, where it must find the function, so no probe passes vacuously.
/// </summary>
public class UnsafeFunctionEnforcementTests : IDisposable
{
    private static readonly string[] Gated = CapabilitySurfaces.All.SelectMany(s => s.UnlocksJs).ToArray();

    private readonly TempModule _plain = new("globalThis.secret = 'plain';", "plain");
    private readonly TempModule _trusted = new("globalThis.secret = 'trusted';", "trusted");
    private readonly ListLogger _log = new();
    private readonly InMemoryEngineLink _link = new();

    public void Dispose()
    {
        _plain.Dispose();
        _trusted.Dispose();
    }

    private ModuleRuntime Runtime(TempModule module, CapabilitySet granted)
    {
        var rt = new ModuleRuntime(module.Spec, TestBudgets.Generous, [new MidiApi(_link, DspTarget.Overtake), new UnsafeApi(_link, _log)],
            granted: granted);
        Assert.Null(rt.Load());
        return rt;
    }

    private static CapabilitySet AllJsGated => CapabilitySet.Of(
        CapabilitySurfaces.All.Where(s => s.UnlocksJs.Count > 0).Select(s => s.Capability));

    private static string Eval(ModuleRuntime rt, string code)
    {
        var fault = rt.Evaluate(code, out var value);
        Assert.True(fault is null, fault?.Reason);
        return value.ToString();
    }

    /// <summary>JS probes; each returns "found" when it reaches <c>NAME</c>, anything else when it does not.</summary>
    public static TheoryData<string> Probes => new()
    {
        "typeof NAME === 'function' ? 'found' : 'no'",
        "typeof globalThis.NAME === 'function' ? 'found' : 'no'",
        "typeof globalThis['NA' + 'ME'.slice(0)] === 'function' ? 'found' : 'no'".Replace("'NA' + 'ME'.slice(0)", "'NAME'"),
        "(() => { try { const g = Function('return this')(); return g && typeof g.NAME === 'function' ? 'found' : 'no'; } catch (e) { return 'threw'; } })()",
        "(() => { try { const g = new Function('return globalThis')(); return typeof g.NAME === 'function' ? 'found' : 'no'; } catch (e) { return 'threw'; } })()",
        "(() => { try { return typeof (0, eval)('typeof NAME === \"function\" ? NAME : undefined') === 'function' ? 'found' : 'no'; } catch (e) { return 'threw'; } })()",
        "Reflect.ownKeys(globalThis).includes('NAME') ? 'found' : 'no'",
        "typeof Reflect.get(globalThis, 'NAME') === 'function' ? 'found' : 'no'",
        "Object.getOwnPropertyNames(globalThis).includes('NAME') ? 'found' : 'no'",
        """
        (() => {
          const seen = new Set(); const queue = [globalThis, Object.getPrototypeOf(globalThis), Function.prototype, Object.prototype];
          for (let i = 0; i < queue.length && i < 5000; i++) {
            const o = queue[i]; if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue; seen.add(o);
            for (const k of Reflect.ownKeys(o)) {
              if (k === 'NAME') return 'found';
              let v; try { v = o[k]; } catch (e) { continue; }
              if (v && (typeof v === 'object' || typeof v === 'function')) queue.push(v);
            }
            queue.push(Object.getPrototypeOf(o));
          }
          return 'no';
        })()
        """,
        "(() => { const d = Object.getOwnPropertyDescriptor(globalThis, 'NAME'); return d && typeof d.value === 'function' ? 'found' : 'no'; })()",
        "(() => { try { return typeof move_midi_internal_send.constructor('return typeof NAME')() === 'string' && move_midi_internal_send.constructor('return typeof NAME')() === 'function' ? 'found' : 'no'; } catch (e) { return 'threw'; } })()",
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public void An_ungranted_module_cannot_reach_any_gated_function_while_a_granted_one_can(string probe)
    {
        var plain = Runtime(_plain, CapabilitySet.Empty);
        var trusted = Runtime(_trusted, AllJsGated);
        var reachedByTrusted = 0;
        foreach (var name in Gated)
        {
            var code = probe.Replace("NAME", name);
            Assert.NotEqual("found", Eval(plain, code));
            if (Eval(trusted, code) == "found") reachedByTrusted++;
        }
        // The walk-the-graph and constructor probes may legitimately find nothing in strict code; the direct ones must.
        if (!probe.Contains("Function(") && !probe.Contains("eval") && !probe.Contains("constructor"))
            Assert.Equal(Gated.Length, reachedByTrusted);
    }

    [Fact]
    public void Each_function_is_installed_only_for_its_own_capability()
    {
        foreach (var surface in CapabilitySurfaces.All.Where(s => s.UnlocksJs.Count > 0))
        {
            using var module = new TempModule("", "m-" + surface.Capability);
            var rt = Runtime(module, CapabilitySet.Of(surface.Capability));
            foreach (var name in Gated)
                Assert.Equal(surface.UnlocksJs.Contains(name) ? "function" : "undefined", Eval(rt, $"typeof {name}"));
        }
    }

    [Fact]
    public void Two_modules_share_no_engine_and_no_globals()
    {
        var plain = Runtime(_plain, CapabilitySet.Empty);
        var trusted = Runtime(_trusted, AllJsGated);

        Assert.NotSame(plain.Engine, trusted.Engine);
        Assert.Equal("plain", Eval(plain, "globalThis.secret"));
        Assert.Equal("trusted", Eval(trusted, "globalThis.secret"));
        Eval(trusted, "globalThis.leak = host_system_cmd; Object.prototype.leak2 = host_system_cmd; 'ok'");
        Assert.Equal("undefined", Eval(plain, "typeof globalThis.leak"));
        Assert.Equal("undefined", Eval(plain, "typeof ({}).leak2"));
        Assert.Equal("undefined", Eval(plain, "typeof host_system_cmd"));
    }

    [Fact]
    public void A_module_cannot_reach_the_host_runtime_through_interop()
    {
        var plain = Runtime(_plain, CapabilitySet.Empty);
        Assert.Equal("undefined", Eval(plain, "typeof importNamespace"));
        Assert.Equal("undefined", Eval(plain, "typeof System"));
        Assert.Equal("no", Eval(plain, "(() => { try { return typeof move_midi_internal_send.GetType === 'function' ? 'found' : 'no'; } catch (e) { return 'no'; } })()"));
    }

    [Fact]
    public void A_granted_call_is_logged_and_answers_false()
    {
        var trusted = Runtime(_trusted, CapabilitySet.Of(UnsafeCapability.SpawnProcesses));
        Assert.Equal("false", Eval(trusted, "String(host_system_cmd('ls'))"));
        Assert.Contains(_log.Lines, l => l.Contains("host_system_cmd"));
    }
}
