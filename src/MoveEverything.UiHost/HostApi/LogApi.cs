using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Interop;
using Microsoft.Extensions.Logging;

namespace MoveEverything.UiHost.HostApi;

/// <summary>console.log/info/warn/error, shadow_log(msg) and unified_log(source, msg) into the host's logger, tagged with the module id.</summary>
public sealed class LogApi(ILogger log) : IHostApi
{
    public void Install(HostScope scope)
    {
        var console = new JsObject(scope.Engine);
        void Add(string name, LogLevel level) =>
            console.Set(name, new ClrFunction(scope.Engine, name, (_, a) =>
            {
                log.Log(level, "[{Module}] {Message}", scope.ModuleId, string.Join(' ', a.Select(v => v.ToString())));
                return JsValue.Undefined;
            }));
        Add("log", LogLevel.Information);
        Add("info", LogLevel.Information);
        Add("debug", LogLevel.Debug);
        Add("warn", LogLevel.Warning);
        Add("error", LogLevel.Error);
        scope.Engine.SetValue("console", console);

        scope.Define("shadow_log", 1, a => log.LogInformation("[{Module}] {Message}", scope.ModuleId, HostScope.Str(a, 0)));
        scope.Define("unified_log", 2, a =>
            log.LogInformation("[{Module}/{Source}] {Message}", scope.ModuleId, HostScope.Str(a, 0), HostScope.Str(a, 1)));
        scope.Define("unified_log_enabled", 0, _ => JsBoolean.True);
        scope.Define("host_announce_screenreader", 1, a => log.LogDebug("[{Module}] screen reader: {Text}", scope.ModuleId, HostScope.Str(a, 0)));
        scope.Define("host_send_screenreader", 1, a => log.LogDebug("[{Module}] screen reader: {Text}", scope.ModuleId, HostScope.Str(a, 0)));
    }
}
