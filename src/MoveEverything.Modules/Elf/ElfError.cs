namespace MoveEverything.Modules.Elf;

/// <summary>A typed failure to read an ELF file, with a sentence for the user.</summary>
public sealed record ElfError(ElfErrorKind Kind, string Message)
{
    public override string ToString() => Message;
}
