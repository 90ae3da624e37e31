using MoveEverything.Modules.Installation;

namespace MoveEverything.Modules.Tests.Installation;

public sealed class ModuleInstallerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mev-install-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Module(string id, string extraJson, string ui = "globalThis.tick = () => {};")
    {
        var dir = Path.Combine(_root, "src-" + id + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "module.json"),
            $$"""{ "id": "{{id}}", "name": "{{id}}", "version": "1.0.0", "component_type": "tool"{{extraJson}} }""");
        File.WriteAllText(Path.Combine(dir, "ui.js"), ui);
        return dir;
    }

    [Fact]
    public void A_compatible_module_lands_in_its_category_folder()
    {
        var modules = Path.Combine(_root, "modules");
        var result = ModuleInstaller.Install(Module("hello-tool", ""), modules);
        Assert.True(result.Installed, result.Reason);
        Assert.True(File.Exists(Path.Combine(modules, "tools", "hello-tool", "ui.js")));
    }

    [Fact]
    public void A_module_that_needs_a_newer_host_is_refused_with_the_reason_and_nothing_is_copied()
    {
        var modules = Path.Combine(_root, "modules");
        var result = ModuleInstaller.Install(Module("future-tool", """, "min_host_version": "99.0.0" """), modules);
        Assert.False(result.Installed);
        Assert.Contains("future-tool", result.Reason);
        Assert.Contains("99.0.0", result.Reason);
        Assert.False(Directory.Exists(Path.Combine(modules, "tools", "future-tool")));
    }

    [Fact]
    public void Reinstalling_replaces_the_old_version_and_leaves_no_staging_folders()
    {
        var modules = Path.Combine(_root, "modules");
        Assert.True(ModuleInstaller.Install(Module("swap-tool", "", "// v1"), modules).Installed);
        Assert.True(ModuleInstaller.Install(Module("swap-tool", "", "// v2"), modules).Installed);
        var tools = Path.Combine(modules, "tools");
        Assert.Equal("// v2", File.ReadAllText(Path.Combine(tools, "swap-tool", "ui.js")));
        Assert.Equal(["swap-tool"], Directory.GetDirectories(tools).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_without_a_manifest_is_refused()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        var result = ModuleInstaller.Install(empty, Path.Combine(_root, "modules"));
        Assert.False(result.Installed);
        Assert.Contains("no module.json", result.Reason);
    }
}
