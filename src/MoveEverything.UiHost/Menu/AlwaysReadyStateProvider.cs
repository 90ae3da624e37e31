namespace MoveEverything.UiHost.Menu;

/// <summary>Every module is ready; used until the health registry is wired in.</summary>
public sealed class AlwaysReadyStateProvider : IModuleStateProvider
{
    public static AlwaysReadyStateProvider Instance { get; } = new();
    public ModuleStateView Describe(string moduleId) => ModuleStateView.Ready;
}
