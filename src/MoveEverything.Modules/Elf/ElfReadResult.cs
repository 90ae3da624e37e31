using System.Diagnostics.CodeAnalysis;

namespace MoveEverything.Modules.Elf;

/// <summary>Either the <see cref="ElfInfo"/> of a library or the <see cref="ElfError"/> that prevented reading it.</summary>
public sealed record ElfReadResult
{
    private ElfReadResult(ElfInfo? info, ElfError? error) => (Info, Error) = (info, error);

    public ElfInfo? Info { get; }
    public ElfError? Error { get; }

    [MemberNotNullWhen(true, nameof(Info))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Ok => Info is not null;

    public static ElfReadResult Success(ElfInfo info) => new(info, null);
    public static ElfReadResult Failure(ElfErrorKind kind, string message) => new(null, new ElfError(kind, message));
}
