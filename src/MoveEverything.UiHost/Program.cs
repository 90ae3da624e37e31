namespace MoveEverything.UiHost;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("MoveEverything.UiHost: not implemented yet");
        return 2;
    }
}
