using MoveEverything.Health.Trust;

namespace MoveEverything.Health.Tests.Trust;

public sealed class BuiltInModulesTests
{
    [Theory]
    [InlineData("builtin:synth", true)]
    [InlineData("/repo/modules/mev-synth/dsp.so", true)]
    [InlineData("/repo/modules/../modules/x/dsp.so", true)]
    [InlineData("/repo/modules-evil/x/dsp.so", false)]
    [InlineData("/repo/modules/../elsewhere/x/dsp.so", false)]
    [InlineData("/data/modules/x/dsp.so", false)]
    [InlineData("synth", false)]
    public void Only_builtin_dsps_and_files_under_a_built_in_root_count(string path, bool builtIn) =>
        Assert.Equal(builtIn, BuiltInModules.Contains(path, ["/repo/modules/"]));
}
