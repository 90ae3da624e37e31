using MoveEverything.Boot.Install;

namespace MoveEverything.Boot.Tests.Support;

public sealed class FakeRebooter : IRebooter
{
    public List<string> Reboots { get; } = [];

    public string? Reboot(string why)
    {
        Reboots.Add(why);
        return null;
    }
}
