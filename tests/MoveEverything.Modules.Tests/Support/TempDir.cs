namespace MoveEverything.Modules.Tests.Support;

/// <summary>A temporary directory deleted on dispose, with helpers to write module folders.</summary>
internal sealed class TempDir : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("mev-modules-test-").FullName;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes <paramref name="content"/> to <paramref name="relative"/>, creating folders.</summary>
    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes a valid module.json for <paramref name="id"/> into folder <paramref name="relativeFolder"/>.</summary>
    public string Module(string relativeFolder, string id, string extra = "", string type = "tool") =>
        Write(Path.Combine(relativeFolder, "module.json"),
            $$"""{"id":"{{id}}","name":"{{id}}","version":"1.0.0","api_version":2,"component_type":"{{type}}"{{extra}}}""");

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
