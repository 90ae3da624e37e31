namespace MoveEverything.UiHost.HostApi;

/// <summary>
/// A group of host functions installed on a module's globalThis before its ui.js is evaluated.
/// Functions a group does not define stay absent, so modules' <c>typeof f === 'function'</c> guards work.
/// </summary>
public interface IHostApi
{
    void Install(HostScope scope);
}
