namespace MoveEverything.UiHost.Scripting;

/// <summary>What the runtime needs to load one module's script: identity, folder, entry file, and whether it is a chain component editor (ui_chain.js → globalThis.chain_ui).</summary>
public sealed record ScriptModuleSpec(string Id, string Name, string Folder, string EntryFile, bool IsChainUi = false)
{
    public string EntryPath => Path.GetFullPath(Path.Combine(Folder, EntryFile));
}
