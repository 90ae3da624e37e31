namespace MoveEverything.Modules.Elf;

/// <summary>Limits of <see cref="ElfReader"/>, so a hostile file cannot make it allocate without bound.</summary>
public sealed record ElfReaderOptions
{
    /// <summary>Most dynamic symbols read. Default 200,000 (large plugins export a few thousand).</summary>
    public int MaxSymbols { get; init; } = 200_000;

    /// <summary>Largest dynamic string table read. Default 16 MiB.</summary>
    public int MaxStringTableBytes { get; init; } = 16 * 1024 * 1024;

    public static ElfReaderOptions Default { get; } = new();
}
