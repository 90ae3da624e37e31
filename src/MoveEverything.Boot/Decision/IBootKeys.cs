namespace MoveEverything.Boot.Decision;

/// <summary>Reads which keys are held at power-on. On a Move: the mailbox MIDI IN during the boot window; in tests: a fake.</summary>
public interface IBootKeys
{
    /// <summary>Keys held during (at most) <paramref name="window"/>. Never throws: a broken reader reports no keys.</summary>
    IReadOnlySet<MoveKey> ReadHeld(TimeSpan window);
}
