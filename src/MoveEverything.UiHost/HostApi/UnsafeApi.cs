using Jint.Native;
using Microsoft.Extensions.Logging;
using MoveEverything.Modules.Capabilities;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.HostApi;

/// <summary>
/// The host functions that only exist for a module granted their unsafe capability (CapabilitySurfaces):
/// MIDI injection into the Move's own software, network downloads and requests, and spawning processes.
/// <see cref="HostScope.Define(string,int,Func{JsValue[],JsValue})"/> skips each one unless granted, so a module
/// without the grant has no such function anywhere in its engine. With the grant, this host does not carry the
/// operations out yet: each call is logged and answers false (the original's failure value), so a granted module
/// runs and can tell the operation did not happen.
/// </summary>
public sealed class UnsafeApi(IEngineLink link, ILogger log) : IHostApi
{
    /// <summary>Names of the calls made, in order (tests and diagnostics).</summary>
    public List<string> Calls { get; } = [];

    public void Install(HostScope scope)
    {
        foreach (var surface in CapabilitySurfaces.All)
            foreach (var name in surface.UnlocksJs)
            {
                var fn = name;
                scope.Define(fn, 1, a => NotCarriedOut(scope.ModuleId, fn));
            }
        _ = link; // routing the injection through the engine link is future work (see the class comment)
    }

    private JsValue NotCarriedOut(string moduleId, string name)
    {
        Calls.Add(name);
        log.LogWarning("{Module} called {Function}: granted, but this host does not carry it out yet", moduleId, name);
        return JsBoolean.False;
    }
}
