namespace MoveEverything.Modules.Elf;

/// <summary>What we know about a native library without loading it.</summary>
/// <param name="Machine">Raw e_machine value (62 = x86-64, 183 = AArch64).</param>
/// <param name="Cpu">e_machine mapped to a <see cref="CpuArchitecture"/>.</param>
/// <param name="ExportedSymbols">Names of defined, globally visible dynamic symbols (functions and data), sorted ordinally.</param>
public sealed record ElfInfo(ushort Machine, CpuArchitecture Cpu, IReadOnlyList<string> ExportedSymbols)
{
    public bool Exports(string symbol) => ExportedSymbols.Contains(symbol, StringComparer.Ordinal);

    /// <summary>Human name of the machine ("x86-64", "AArch64", "machine 40").</summary>
    public string MachineName => ElfConstants.MachineName(Machine);
}
