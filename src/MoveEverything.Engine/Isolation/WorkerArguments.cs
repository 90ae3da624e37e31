using MoveEverything.Engine.Plugins;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// Command line of the engine executable in worker mode:
/// <c>worker --shm PATH --library PATH --kind generator|fx --module ID [--slot N] [--module-dir DIR] [--idle-wake-ms MS]
/// [--mailbox granted] [--parent PID]</c>. <c>--mailbox granted</c> (the user consented to hardware_mailbox) gives the plugin a
/// mapped_memory page mirroring the engine's; without it mapped_memory is NULL.
/// Parsing never throws: a bad argument gives <see cref="Error"/>.
/// </summary>
/// <param name="ParentPid">The engine's pid (<c>--parent</c>): a worker whose parent is already another process when it
/// starts (the engine died while it was being spawned) exits at once instead of running orphaned. 0: unknown.</param>
public sealed record WorkerArguments(string SharedMemoryPath, PluginLoadRequest Request, int IdleWakeMs, string? Error = null, int ParentPid = 0)
{
    public const string Verb = "worker";
    private const string MailboxGranted = "granted";

    public IEnumerable<string> ToArgs()
    {
        yield return Verb;
        yield return "--shm"; yield return SharedMemoryPath;
        yield return "--library"; yield return Request.LibraryPath;
        yield return "--kind"; yield return Request.Kind == PluginKind.AudioFx ? "fx" : "generator";
        yield return "--module"; yield return Request.ModuleId;
        yield return "--slot"; yield return Request.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--idle-wake-ms"; yield return IdleWakeMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Request.ModuleDirectory != null) { yield return "--module-dir"; yield return Request.ModuleDirectory; }
        if (Request.GrantMailboxAccess) { yield return "--mailbox"; yield return MailboxGranted; }
        if (ParentPid > 0) { yield return "--parent"; yield return ParentPid.ToString(System.Globalization.CultureInfo.InvariantCulture); }
    }

    public static WorkerArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !args[i].StartsWith("--", StringComparison.Ordinal)) return Bad($"unexpected argument '{args[i]}'");
            values[args[i][2..]] = args[i + 1];
        }
        foreach (var required in new[] { "shm", "library", "kind", "module" })
            if (!values.ContainsKey(required)) return Bad($"--{required} is required");
        PluginKind? kind = values["kind"] switch { "generator" => PluginKind.SoundGenerator, "fx" => PluginKind.AudioFx, _ => null };
        if (kind is null) return Bad($"--kind must be generator or fx, not '{values["kind"]}'");
        int slot = 0, idle = IsolationOptions.Default.IdleWakeMs;
        if (values.TryGetValue("slot", out var s) && !int.TryParse(s, out slot)) return Bad($"--slot '{s}' is not a number");
        if (values.TryGetValue("idle-wake-ms", out var w) && (!int.TryParse(w, out idle) || idle < 1)) return Bad($"--idle-wake-ms '{w}' is not a positive number");
        if (values.TryGetValue("mailbox", out var m) && m != MailboxGranted) return Bad($"--mailbox '{m}' is not '{MailboxGranted}'");
        int parent = 0;
        if (values.TryGetValue("parent", out var p) && (!int.TryParse(p, out parent) || parent < 1)) return Bad($"--parent '{p}' is not a pid");
        var request = new PluginLoadRequest(values["module"], values["library"], kind.Value, values.GetValueOrDefault("module-dir"), Slot: slot,
            GrantMailboxAccess: m == MailboxGranted);
        return new WorkerArguments(values["shm"], request, idle, ParentPid: parent);
    }

    private static WorkerArguments Bad(string error) =>
        new("", new PluginLoadRequest("", "", PluginKind.SoundGenerator), 0, error);
}
