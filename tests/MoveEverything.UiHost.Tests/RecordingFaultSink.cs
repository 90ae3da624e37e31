using MoveEverything.UiHost.Session;

namespace MoveEverything.UiHost.Tests;

public sealed class RecordingFaultSink : IModuleFaultSink
{
    public List<string> Events { get; } = [];
    public List<ModuleFaultNotice> Faults { get; } = [];
    public string? ToastOverride { get; set; }

    public void Started(string moduleId) => Events.Add("started " + moduleId);
    public void Stopped(string moduleId, string how) => Events.Add($"stopped {moduleId} {how}");

    public string? Faulted(ModuleFaultNotice notice)
    {
        Faults.Add(notice);
        Events.Add("faulted " + notice.ModuleId);
        return ToastOverride;
    }
}
