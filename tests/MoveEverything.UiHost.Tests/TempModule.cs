using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Tests;

/// <summary>A module folder in a fresh temporary directory, deleted on dispose.</summary>
public sealed class TempModule : IDisposable
{
    public TempModule(string uiJs, string id = "test-module", string entry = "ui.js")
    {
        Root = Path.Combine(Path.GetTempPath(), "mev-uihost-" + Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(Root, "modules", id);
        DataFolder = Path.Combine(Root, "data", id);
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(DataFolder);
        File.WriteAllText(Path.Combine(Folder, entry), uiJs);
        Spec = new ScriptModuleSpec(id, "Test Module", Folder, entry, entry == "ui_chain.js");
    }

    public string Root { get; }
    public string Folder { get; }
    public string DataFolder { get; }
    public ScriptModuleSpec Spec { get; }

    public void Write(string relative, string content)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
