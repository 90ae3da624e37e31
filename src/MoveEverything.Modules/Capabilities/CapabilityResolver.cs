using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Capabilities;

/// <summary>
/// Works out which unsafe capabilities a manifest needs: the names in <c>unsafe_capabilities</c>
/// plus those implied by the original's flags (raw_midi, raw_ui, claims_master_knob, a non-empty
/// button_passthrough, capabilities.forks_processes). A legacy module thus needs consent for the
/// same powers as one that declares them by name.
/// </summary>
public static class CapabilityResolver
{
    public static CapabilityResolution Resolve(Manifest manifest)
    {
        var sources = new List<CapabilitySource>();
        var unknown = new List<UnknownCapabilityRefusal>();
        foreach (var name in manifest.UnsafeCapabilities)
        {
            if (UnsafeCapabilities.TryParse(name, out var c)) sources.Add(new CapabilitySource(c, "unsafe_capabilities"));
            else unknown.Add(new UnknownCapabilityRefusal(name, Suggest(name)));
        }
        if (manifest.RawMidi) sources.Add(new(UnsafeCapability.RawMidi, "raw_midi"));
        if (manifest.RawUi) sources.Add(new(UnsafeCapability.RawUi, "raw_ui"));
        if (manifest.ClaimsMasterKnob) sources.Add(new(UnsafeCapability.ClaimsMasterKnob, "claims_master_knob"));
        if (manifest.ButtonPassthrough.Count > 0) sources.Add(new(UnsafeCapability.ButtonPassthrough, "button_passthrough"));
        if (manifest.ForksProcesses) sources.Add(new(UnsafeCapability.SpawnProcesses, "forks_processes"));
        return new CapabilityResolution(CapabilitySet.Of(sources.Select(s => s.Capability)), sources, unknown);
    }

    /// <summary>A known name close to <paramref name="name"/> (case or separator slips, edit distance ≤ 2).</summary>
    internal static string? Suggest(string name)
    {
        var normalized = name.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        return UnsafeCapabilities.Names
            .Select(n => (Name: n, Distance: n == normalized ? 0 : EditDistance(n, normalized)))
            .Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance)
            .Select(x => x.Name)
            .FirstOrDefault();
    }

    private static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
