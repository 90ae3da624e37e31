using System.Runtime.InteropServices;

namespace MoveEverything.Boot.Install;

/// <summary>The device's reboot: sync(2), then reboot(2) with RB_AUTOBOOT. Needs root; only used on a Move (root "/").</summary>
public sealed class SystemRebooter : IRebooter
{
    private const int RbAutoboot = 0x01234567;

    public string? Reboot(string why)
    {
        sync();
        return reboot(RbAutoboot) == 0 ? null : $"reboot(2) failed: errno {Marshal.GetLastPInvokeError()} (needs root)";
    }

    [DllImport("libc", SetLastError = true)] private static extern void sync();
    [DllImport("libc", SetLastError = true)] private static extern int reboot(int command);
}
