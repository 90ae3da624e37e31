namespace MoveEverything.UiHost.Menu;

/// <summary>Supplies each module's state to the menu; the health registry implements it.</summary>
public interface IModuleStateProvider
{
    ModuleStateView Describe(string moduleId);
}
