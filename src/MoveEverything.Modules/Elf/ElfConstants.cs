namespace MoveEverything.Modules.Elf;

/// <summary>The ELF numbers we need (System V gABI; Linux <c>elf.h</c>).</summary>
internal static class ElfConstants
{
    public const byte ClassElf32 = 1, ClassElf64 = 2;
    public const byte DataLittleEndian = 1, DataBigEndian = 2;
    public const ushort TypeExec = 2, TypeDyn = 3;
    public const ushort MachineX86_64 = 62, MachineAarch64 = 183, MachineArm = 40, MachineI386 = 3, MachineRiscV = 243;
    public const uint SectionDynSym = 11;
    public const uint SegmentLoad = 1, SegmentDynamic = 2;
    public const long DynNull = 0, DynHash = 4, DynStrTab = 5, DynSymTab = 6, DynStrSize = 10, DynSymEnt = 11, DynGnuHash = 0x6ffffef5;
    public const int Header64Size = 64, SectionHeader64Size = 64, ProgramHeader64Size = 56, Symbol64Size = 24;

    public static CpuArchitecture CpuOf(ushort machine) => machine switch
    {
        MachineX86_64 => CpuArchitecture.X64,
        MachineAarch64 => CpuArchitecture.Arm64,
        _ => CpuArchitecture.Other,
    };

    public static string MachineName(ushort machine) => machine switch
    {
        MachineX86_64 => "x86-64",
        MachineAarch64 => "AArch64",
        MachineArm => "32-bit ARM",
        MachineI386 => "32-bit x86",
        MachineRiscV => "RISC-V",
        _ => $"machine {machine}",
    };
}
