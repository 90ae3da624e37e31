namespace MoveEverything.Engine;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("MoveEverything.Engine: not implemented yet");
        return 2;
    }
}
