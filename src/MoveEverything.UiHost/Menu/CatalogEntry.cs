using MoveEverything.Modules.Manifests;

namespace MoveEverything.UiHost.Menu;

/// <summary>A discovered module: its manifest and the folder it lives in.</summary>
/// <param name="PackFolder">For a module expanded from its base module's <c>scan_packs</c>: the pack's own folder
/// (what removing it deletes); null otherwise.</param>
public sealed record CatalogEntry(Manifest Manifest, string Folder, string? PackFolder = null)
{
    public string Id => Manifest.Id;

    /// <summary>The folder removing this module deletes: the pack folder for a pack, else <see cref="Folder"/>.</summary>
    public string OwnFolder => PackFolder ?? Folder;
}
