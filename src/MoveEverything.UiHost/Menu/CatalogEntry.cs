using MoveEverything.Modules.Manifests;

namespace MoveEverything.UiHost.Menu;

/// <summary>A discovered module: its manifest and the folder it lives in.</summary>
public sealed record CatalogEntry(Manifest Manifest, string Folder)
{
    public string Id => Manifest.Id;
}
