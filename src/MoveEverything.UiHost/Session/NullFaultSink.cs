namespace MoveEverything.UiHost.Session;

/// <summary>Reports nowhere; used until the health registry is wired in.</summary>
public sealed class NullFaultSink : IModuleFaultSink
{
    public static NullFaultSink Instance { get; } = new();
    public void Started(string moduleId) { }
    public void Stopped(string moduleId, string how) { }
    public string? Faulted(ModuleFaultNotice notice) => null;
}
