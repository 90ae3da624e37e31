using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Discovery;

/// <summary>One module.json found by <see cref="ManifestTreeScanner"/> and what parsing it gave.</summary>
/// <param name="Path">The file, relative to the scanned directory ('/'-separated).</param>
public sealed record ScannedManifest(string Path, ManifestParseResult Result);
