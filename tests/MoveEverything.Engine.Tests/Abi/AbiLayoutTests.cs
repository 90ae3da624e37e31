using System.Reflection;
using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Tests.Support;

namespace MoveEverything.Engine.Tests.Abi;

/// <summary>
/// The C# mirrors of the ABI structs must match the spec (schwung-spec.md §2.3/§2.4) and what the C compiler
/// makes of native/include/move_plugin_abi.h, field by field. Fields are matched by name: the C# field is the
/// C field in PascalCase, and the C# struct declares exactly the C fields, in order.
/// </summary>
public unsafe class AbiLayoutTests
{
    public static TheoryData<string, Type, int> Structs => new()
    {
        { "host_api_v1_t", typeof(HostApiV1), 112 },
        { "plugin_api_v1_t", typeof(PluginApiV1), 64 },
        { "plugin_api_v2_t", typeof(PluginApiV2), 64 },
        { "audio_fx_api_v1_t", typeof(AudioFxApiV1), 48 },
        { "audio_fx_api_v2_t", typeof(AudioFxApiV2), 56 },
        { "midi_fx_api_v1_t", typeof(MidiFxApiV1), 56 },
    };

    /// <summary>host_api_v1_t offsets exactly as the table in schwung-spec.md §2.3.</summary>
    private static readonly (string Field, int Offset)[] HostApiSpec =
    [
        ("api_version", 0), ("sample_rate", 4), ("frames_per_block", 8), ("mapped_memory", 16),
        ("audio_out_offset", 24), ("audio_in_offset", 28), ("log", 32), ("midi_send_internal", 40),
        ("midi_send_external", 48), ("get_clock_status", 56), ("mod_emit_value", 64), ("mod_clear_source", 72),
        ("mod_host_ctx", 80), ("get_bpm", 88), ("midi_inject_to_move", 96), ("slot_recv_channel", 104),
    ];

    [Theory]
    [MemberData(nameof(Structs))]
    public void Size_matches_the_spec_the_constant_and_the_C_compiler(string cName, Type type, int specSize)
    {
        Assert.Equal(specSize, Marshal.SizeOf(type));
        Assert.Equal(specSize, (int)type.GetField("Size")!.GetRawConstantValue()!);
        Assert.Equal(specSize, AbiLayoutProbe.Query(cName));
    }

    [Theory]
    [MemberData(nameof(Structs))]
    public void Every_field_offset_matches_the_C_compiler(string cName, Type type, int specSize)
    {
        _ = specSize;
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance);
        Assert.NotEmpty(fields);
        long previous = -1;
        foreach (var field in fields)
        {
            string cField = ToSnakeCase(field.Name);
            long cOffset = AbiLayoutProbe.Query($"{cName}.{cField}");
            Assert.True(cOffset >= 0, $"{cName} has no field {cField} (C# {type.Name}.{field.Name})");
            long csOffset = Marshal.OffsetOf(type, field.Name).ToInt64();
            Assert.Equal(cOffset, csOffset);
            Assert.True(csOffset > previous, $"{type.Name}.{field.Name} is out of order");
            previous = csOffset;
        }
    }

    [Fact]
    public void Host_api_offsets_are_the_ones_listed_in_the_spec()
    {
        var fields = typeof(HostApiV1).GetFields(BindingFlags.Public | BindingFlags.Instance);
        Assert.Equal(HostApiSpec.Length, fields.Length);
        for (int i = 0; i < fields.Length; i++)
        {
            Assert.Equal(HostApiSpec[i].Field, ToSnakeCase(fields[i].Name));
            Assert.Equal(HostApiSpec[i].Offset, Marshal.OffsetOf<HostApiV1>(fields[i].Name).ToInt32());
        }
    }

    [Fact]
    public void The_probe_answers_minus_one_for_unknown_names_so_the_comparisons_are_not_vacuous()
    {
        Assert.Equal(-1, AbiLayoutProbe.Query("host_api_v1_t.no_such_field"));
        Assert.Equal(112, AbiLayoutProbe.Query("host_api_v1_t"));
    }

    [Fact]
    public void Every_entry_point_is_listed_once_with_the_struct_version_the_loader_expects()
    {
        Assert.Equal(EntryPoints.All.Count, EntryPoints.All.Select(e => e.Symbol).Distinct().Count());
        var expected = new Dictionary<string, uint>
        {
            [EntryPoints.PluginInitV2] = 2, [EntryPoints.PluginInitV1] = 1, [EntryPoints.AudioFxInitV2] = 2,
            [EntryPoints.MidiFxInit] = 1,
        };
        foreach (var (symbol, version) in expected)
            Assert.Equal(version, EntryPoints.All.Single(e => e.Symbol == symbol).ExpectedStructVersion);
        Assert.Equal(AbiRequirement.Optional, EntryPoints.All.Single(e => e.Symbol == EntryPoints.AudioFxOnMidi).Requirement);
    }

    private static string ToSnakeCase(string pascal)
    {
        var builder = new System.Text.StringBuilder();
        foreach (char c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>Calls <c>long mev_abi_layout(const char*)</c> in native/abi/abi_layout.c.</summary>
    private static class AbiLayoutProbe
    {
        private static readonly delegate* unmanaged<byte*, long> Function = Resolve();

        private static delegate* unmanaged<byte*, long> Resolve()
        {
            nint handle = NativeLibrary.Load(NativeArtifacts.Plugin("abi_layout"));
            return (delegate* unmanaged<byte*, long>)NativeLibrary.GetExport(handle, "mev_abi_layout");
        }

        public static long Query(string name)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(name + "\0");
            fixed (byte* p = bytes) return Function(p);
        }
    }
}
