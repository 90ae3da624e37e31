namespace MoveEverything.Engine.Tests.Support;

/// <summary>Where native/Native.targets put the compiled plugins for this test run.</summary>
public static class NativeArtifacts
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "native");
    public static string ModulesDirectory => Path.Combine(AppContext.BaseDirectory, "modules");

    /// <summary>Path of one of our plugins (e.g. "mev_synth") and asserts it was built.</summary>
    public static string Plugin(string name) => Existing(Path.Combine(Directory, name + ".so"));

    /// <summary>Path of a deliberately faulty plugin (e.g. "wrong_version").</summary>
    public static string Faulty(string name) => Existing(Path.Combine(Directory, "faulty", name + ".so"));

    private static string Existing(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not built; native/Native.targets runs make before the build");
        return path;
    }
}
