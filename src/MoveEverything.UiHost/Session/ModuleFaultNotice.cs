using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Session;

/// <summary>A module's script fault as reported to <see cref="IModuleFaultSink"/>: who, which version, what, when.</summary>
public sealed record ModuleFaultNotice(string ModuleId, string ModuleName, string ModuleVersion, ScriptFault Fault, DateTimeOffset At)
{
    public string DefaultToast => $"{ModuleName} stopped: {Fault.ShortReason}";
}
