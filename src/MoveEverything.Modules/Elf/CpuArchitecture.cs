namespace MoveEverything.Modules.Elf;

/// <summary>The CPU a native library is built for (from ELF e_machine) or the host runs on.</summary>
public enum CpuArchitecture
{
    Unknown,
    /// <summary>x86-64 (EM_X86_64 = 62): desktop Linux, the simulator, CI.</summary>
    X64,
    /// <summary>AArch64 (EM_AARCH64 = 183): the Ableton Move.</summary>
    Arm64,
    /// <summary>Any other machine (32-bit ARM, RISC-V, …).</summary>
    Other,
}
