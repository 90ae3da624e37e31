namespace MoveEverything.Ipc;

/// <summary>
/// A plugin the engine loads at start: slot (0–3, 4 = master FX), chain position (0–1 MIDI FX, 2 generator,
/// 3–6 audio FX), the path of its .so, or <see cref="BuiltinSynthPath"/>, and its <see cref="LoadFlags"/>.
/// Text form: <c>S[.P][+FLAG...]=PATH</c>, FLAG one of <c>trusted</c>, <c>mailbox</c>; e.g. <c>0.2+trusted=/m/dsp.so</c>.
/// </summary>
public sealed record ChainLoad(int Slot, int Position, string Path, LoadFlags Flags = LoadFlags.None)
{
    public const string BuiltinSynthPath = "builtin:synth", BuiltinSynthId = "builtin-synth", BuiltinPrefix = "builtin:";

    /// <summary>The path of a built-in module id (<c>builtin-x</c> → <c>builtin:x</c>), or null for other ids.</summary>
    public static string? BuiltinPathOf(string moduleId) =>
        moduleId.StartsWith("builtin-", StringComparison.Ordinal) ? BuiltinPrefix + moduleId["builtin-".Length..] : null;

    public string ModuleId => ModuleIdOf(Path);

    /// <summary>Module id from a plugin path: <c>…/&lt;id&gt;/dsp.so</c> → id; <c>…/&lt;id&gt;.so</c> → id.</summary>
    public static string ModuleIdOf(string path)
    {
        if (path.StartsWith(BuiltinPrefix, StringComparison.Ordinal)) return "builtin-" + path[BuiltinPrefix.Length..];
        string file = System.IO.Path.GetFileNameWithoutExtension(path);
        return file == "dsp" ? System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path) ?? "") : file;
    }

    /// <summary>Parses the text form; null with a readable <paramref name="error"/> when malformed.</summary>
    public static ChainLoad? Parse(string text, out string? error)
    {
        error = null;
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1) { error = $"'{text}' is not SLOT[.POSITION][+FLAG...]=PATH"; return null; }
        var parts = text[..eq].Split('+');
        var flags = LoadFlags.None;
        foreach (var name in parts.Skip(1))
        {
            var flag = FlagOf(name);
            if (flag == null) { error = $"'{name}' is not a load flag (trusted, mailbox)"; return null; }
            flags |= flag.Value;
        }
        var target = parts[0].Split('.');
        if (!int.TryParse(target[0], out int slot) || slot < 0 || slot >= StatusBlock.SlotEntries) { error = $"'{target[0]}' is not a slot 0–4"; return null; }
        int position = SlotStatus.GeneratorPosition;
        if (target.Length > 1 && (!int.TryParse(target[1], out position) || position < 0 || position >= SlotStatus.Positions))
        { error = $"'{target[1]}' is not a chain position 0–7"; return null; }
        return new ChainLoad(slot, position, text[(eq + 1)..], flags);
    }

    private static LoadFlags? FlagOf(string name) => name switch
    {
        "trusted" => LoadFlags.Trusted,
        "mailbox" => LoadFlags.GrantMailbox,
        _ => null,
    };

    public override string ToString() =>
        $"{Slot}.{Position}{((Flags & LoadFlags.Trusted) != 0 ? "+trusted" : "")}{((Flags & LoadFlags.GrantMailbox) != 0 ? "+mailbox" : "")}={Path}";
}
