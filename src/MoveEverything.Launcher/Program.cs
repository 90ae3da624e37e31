namespace MoveEverything.Launcher;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("MoveEverything.Launcher: not implemented yet");
        return 2;
    }
}
