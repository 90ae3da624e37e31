namespace MoveEverything.Boot.Install;

/// <summary>Restarts the device. Injectable so tests and desktop runs never reboot the machine.</summary>
public interface IRebooter
{
    /// <summary>Requests a reboot; returns null when it was requested, else why not.</summary>
    string? Reboot(string why);
}
