using System.Buffers.Binary;
using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Elf;
using MoveEverything.Modules.Tests.Support;

namespace MoveEverything.Modules.Tests.Elf;

public class ElfReaderTests(PluginLibraries libs) : IClassFixture<PluginLibraries>
{
    private static readonly string[] ExpectedExports = ["exported_counter", "move_audio_fx_init_v2", "move_plugin_init_v2", "weak_export"];

    [Fact]
    public void Reads_cpu_and_exactly_the_exported_symbols_of_a_compiled_library()
    {
        var r = ElfReader.Read(libs.SharedLibrary);
        Assert.True(r.Ok, r.Error?.Message);
        Assert.Equal(HostIdentity.Current.Cpu, r.Info.Cpu);
        Assert.Equal(ExpectedExports, r.Info.ExportedSymbols.Where(s => ExpectedExports.Contains(s) || s.Contains("helper") || s.Contains("hidden")));
        Assert.True(r.Info.Exports("move_plugin_init_v2"));
        Assert.False(r.Info.Exports("hidden_function"));
        Assert.False(r.Info.Exports("helper"));
        Assert.DoesNotContain(r.Info.ExportedSymbols, s => s.StartsWith("printf") || s == "");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Without_section_headers_the_dynamic_segment_gives_the_same_exports(bool sysvHash)
    {
        var bytes = File.ReadAllBytes(sysvHash ? libs.SysvHashLibrary : libs.SharedLibrary);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(40), 0); // e_shoff
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(60), 0); // e_shnum
        var stripped = ElfReader.Read(bytes);
        Assert.True(stripped.Ok, stripped.Error?.Message);
        Assert.Equal(ElfReader.Read(libs.SharedLibrary).Info!.ExportedSymbols, stripped.Info.ExportedSymbols);
    }

    [Fact]
    public void A_text_file_is_not_an_elf()
    {
        var path = Path.Combine(libs.Dir, "dsp-text.so");
        File.WriteAllText(path, "this is not a library\n");
        Assert.Equal(ElfErrorKind.NotAnElf, ElfReader.Read(path).Error!.Kind);
        Assert.Equal(ElfErrorKind.NotAnElf, ElfReader.Read([]).Error!.Kind);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(40)]
    [InlineData(1000)]
    public void A_truncated_library_is_reported_as_truncated(int length)
    {
        var bytes = File.ReadAllBytes(libs.SharedLibrary)[..length];
        var r = ElfReader.Read(bytes);
        Assert.False(r.Ok);
        Assert.Equal(ElfErrorKind.Truncated, r.Error.Kind);
    }

    [Fact]
    public void An_object_file_is_not_a_shared_object() =>
        Assert.Equal(ElfErrorKind.NotASharedObject, ElfReader.Read(libs.ObjectFile).Error!.Kind);

    [Fact]
    public void A_missing_file_is_unreadable() =>
        Assert.Equal(ElfErrorKind.FileUnreadable, ElfReader.Read(Path.Combine(libs.Dir, "nope.so")).Error!.Kind);

    [Fact]
    public void A_crafted_aarch64_header_reads_as_arm64()
    {
        var r = ElfReader.Read(CraftedHeader(machine: 183));
        Assert.True(r.Ok, r.Error?.Message);
        Assert.Equal(CpuArchitecture.Arm64, r.Info.Cpu);
        Assert.Equal("AArch64", r.Info.MachineName);
        Assert.Empty(r.Info.ExportedSymbols);
    }

    [Fact]
    public void Other_machines_map_to_other()
    {
        var r = ElfReader.Read(CraftedHeader(machine: 243));
        Assert.Equal(CpuArchitecture.Other, r.Info!.Cpu);
        Assert.Equal("RISC-V", r.Info.MachineName);
    }

    [Fact]
    public void A_32_bit_library_is_the_wrong_class()
    {
        var bytes = CraftedHeader(machine: 40);
        bytes[4] = 1;
        var r = ElfReader.Read(bytes);
        Assert.Equal(ElfErrorKind.WrongClass, r.Error!.Kind);
        Assert.Contains("32-bit ARM", r.Error.Message);
    }

    [Fact]
    public void A_big_endian_library_is_refused()
    {
        var bytes = CraftedHeader(machine: 183);
        bytes[5] = 2;
        Assert.Equal(ElfErrorKind.WrongByteOrder, ElfReader.Read(bytes).Error!.Kind);
    }

    [Fact]
    public void An_aarch64_library_built_by_a_cross_compiler_reads_as_arm64_with_its_exports()
    {
        // Optional toolchain: without aarch64-linux-gnu-gcc the crafted-header test above covers the machine field.
        if (!NativeCompiler.Exists("aarch64-linux-gnu-gcc")) return;
        var path = Path.Combine(libs.Dir, "dsp-arm64.so");
        NativeCompiler.Compile(PluginLibraries.Source, path, compiler: "aarch64-linux-gnu-gcc");
        var r = ElfReader.Read(path);
        Assert.Equal(CpuArchitecture.Arm64, r.Info!.Cpu);
        Assert.Contains("move_plugin_init_v2", r.Info.ExportedSymbols);
    }

    [Fact]
    public void Random_corruption_never_throws()
    {
        var original = File.ReadAllBytes(libs.SharedLibrary);
        var random = new Random(1234);
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = 0; k < 8; k++)
            {
                var at = random.Next(i % 2 == 0 ? Math.Min(bytes.Length, 128) : bytes.Length);
                bytes[at] = (byte)random.Next(256);
            }
            var r = ElfReader.Read(bytes[..random.Next(1, bytes.Length)]);
            Assert.True(r.Ok || r.Error is not null);
        }
    }

    /// <summary>A 64-byte ELF64 little-endian ET_DYN header with no sections or segments.</summary>
    internal static byte[] CraftedHeader(ushort machine)
    {
        var b = new byte[64];
        b[0] = 0x7F; b[1] = (byte)'E'; b[2] = (byte)'L'; b[3] = (byte)'F';
        b[4] = 2; b[5] = 1; b[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(16), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(18), machine);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(52), 64);
        return b;
    }
}
