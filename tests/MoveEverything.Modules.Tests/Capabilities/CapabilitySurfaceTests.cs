using MoveEverything.Modules.Capabilities;

namespace MoveEverything.Modules.Tests.Capabilities;

public class CapabilitySurfaceTests
{
    [Fact]
    public void C1_every_capability_has_exactly_one_surface_that_does_something()
    {
        Assert.Equal(Enum.GetValues<UnsafeCapability>(), CapabilitySurfaces.All.Select(g => g.Capability));
        Assert.All(CapabilitySurfaces.All, g =>
            Assert.True(g.UnlocksJs.Count + g.UnlocksNative.Count + g.WidensJs.Count > 0 || g.Behaviour is not null, g.Capability.ToString()));
    }

    [Fact]
    public void No_function_or_field_is_gated_twice()
    {
        var js = CapabilitySurfaces.All.SelectMany(g => g.UnlocksJs.Concat(g.WidensJs)).ToList();
        Assert.Equal(js.Count, js.Distinct().Count());
        var native = CapabilitySurfaces.All.SelectMany(g => g.UnlocksNative).ToList();
        Assert.Equal(native.Count, native.Distinct().Count());
    }

    [Theory]
    [InlineData("host_system_cmd", UnsafeCapability.SpawnProcesses)]
    [InlineData("move_midi_inject_to_move", UnsafeCapability.InjectMoveMidi)]
    [InlineData("host_http_download", UnsafeCapability.Network)]
    public void Unsafe_js_functions_need_their_capability(string function, UnsafeCapability capability) =>
        Assert.Equal(capability, CapabilitySurfaces.RequiredForJsFunction(function));

    [Theory]
    [InlineData("draw_rect")]
    [InlineData("host_module_set_param")]
    [InlineData("host_read_file")]
    [InlineData("move_midi_internal_send")]
    public void Safe_js_functions_need_nothing(string function) =>
        Assert.Null(CapabilitySurfaces.RequiredForJsFunction(function));

    [Fact]
    public void Native_mapped_memory_needs_hardware_mailbox_consent()
    {
        Assert.Equal(UnsafeCapability.HardwareMailbox, CapabilitySurfaces.RequiredForNativeField("mapped_memory"));
        Assert.Equal(UnsafeCapability.InjectMoveMidi, CapabilitySurfaces.RequiredForNativeField("midi_inject_to_move"));
        Assert.Null(CapabilitySurfaces.RequiredForNativeField("midi_send_internal"));
    }

    [Fact]
    public void File_functions_are_confined_unless_granted()
    {
        Assert.True(CapabilitySurfaces.IsConfinedFileFunction("host_write_file"));
        Assert.Contains("host_write_file", CapabilitySurfaces.For(UnsafeCapability.FilesOutsideModule).WidensJs);
        Assert.False(CapabilitySurfaces.IsConfinedFileFunction("draw_rect"));
    }

    [Fact]
    public void Visible_functions_depend_on_what_was_granted()
    {
        string[] offered = ["draw_rect", "host_system_cmd", "host_http_download", "host_write_file"];
        Assert.Equal(["draw_rect", "host_write_file"], CapabilitySurfaces.VisibleJsFunctions(offered, CapabilitySet.Empty));
        Assert.Equal(["draw_rect", "host_system_cmd", "host_write_file"],
            CapabilitySurfaces.VisibleJsFunctions(offered, CapabilitySet.Of(UnsafeCapability.SpawnProcesses)));
    }
}
