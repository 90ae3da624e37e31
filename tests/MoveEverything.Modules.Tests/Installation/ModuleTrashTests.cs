using MoveEverything.Modules.Discovery;
using MoveEverything.Modules.Installation;

namespace MoveEverything.Modules.Tests.Installation;

public sealed class ModuleTrashTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mev-trash-").FullName;
    private string Modules => Path.Combine(_root, "modules");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Module(string id, string parent)
    {
        var dir = Path.Combine(parent, id);
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "module.json"), $$"""{ "id": "{{id}}", "name": "{{id}}", "version": "1.0.0" }""");
        File.WriteAllText(Path.Combine(dir, "sub", "data.txt"), "x");
        return dir;
    }

    [Fact]
    public void Moving_to_the_trash_takes_the_whole_folder_out_of_discovery_in_one_step()
    {
        var folder = Module("m", Path.Combine(Modules, "tools"));
        var moved = ModuleTrash.MoveToTrash(folder, Modules, "m");

        Assert.True(moved.Moved, moved.Reason);
        Assert.False(Directory.Exists(folder));
        Assert.True(File.Exists(Path.Combine(moved.TrashEntry!, "sub", "data.txt")));
        var found = ModuleDiscovery.Discover(new DiscoveryOptions { UserModulesRoot = Modules });
        Assert.Empty(found.Modules);
        Assert.Empty(found.Unreadable);
        var pending = Assert.Single(ModuleTrash.Pending(Modules));
        Assert.Equal("m", pending.ModuleId);

        Assert.Null(ModuleTrash.Purge(pending.Path));
        Assert.Null(ModuleTrash.Purge(pending.Path)); // repeatable
        Assert.Empty(ModuleTrash.Pending(Modules));
    }

    [Fact]
    public void Folders_outside_the_modules_root_and_the_trash_itself_are_refused_untouched()
    {
        var outside = Module("o", _root);
        Directory.CreateDirectory(ModuleTrash.FolderOf(Modules));
        Assert.False(ModuleTrash.MoveToTrash(outside, Modules, "o").Moved);
        Assert.True(Directory.Exists(outside));
        Assert.False(ModuleTrash.MoveToTrash(Modules, Modules, "o").Moved);
        Assert.False(ModuleTrash.MoveToTrash(ModuleTrash.FolderOf(Modules), Modules, "o").Moved);
        Assert.True(Directory.Exists(ModuleTrash.FolderOf(Modules)));
        var refused = ModuleTrash.MoveToTrash(Path.Combine(Modules, "tools", "nothing"), Modules, "nothing");
        Assert.False(refused.Moved);
        Assert.Contains("does not exist", refused.Reason);
    }

    [Fact]
    public void Unsafe_ids_are_refused_and_foreign_trash_names_have_no_id()
    {
        var folder = Module("m", Path.Combine(Modules, "tools"));
        Assert.False(ModuleTrash.MoveToTrash(folder, Modules, "../m").Moved);
        Assert.True(Directory.Exists(folder));
        Directory.CreateDirectory(Path.Combine(ModuleTrash.FolderOf(Modules), "leftover"));
        Assert.Null(Assert.Single(ModuleTrash.Pending(Modules)).ModuleId);
    }

    [Fact]
    public void Ids_with_the_separator_keep_their_full_name()
    {
        var folder = Module("a~b", Path.Combine(Modules, "tools"));
        Assert.True(ModuleTrash.MoveToTrash(folder, Modules, "a~b").Moved);
        Assert.Equal("a~b", Assert.Single(ModuleTrash.Pending(Modules)).ModuleId);
    }
}
