namespace MoveEverything.Ipc;

/// <summary>
/// A plugin the engine loads at start: slot (0–3, 4 = master FX), chain position (0–1 MIDI FX, 2 generator,
/// 3–6 audio FX) and the path of its .so, or <see cref="BuiltinSynthPath"/>. Text form: <c>S=PATH</c> or <c>S.P=PATH</c>.
/// </summary>
public sealed record ChainLoad(int Slot, int Position, string Path)
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
        if (eq <= 0 || eq == text.Length - 1) { error = $"'{text}' is not SLOT[.POSITION]=PATH"; return null; }
        var target = text[..eq].Split('.');
        if (!int.TryParse(target[0], out int slot) || slot < 0 || slot >= StatusBlock.SlotEntries) { error = $"'{target[0]}' is not a slot 0–4"; return null; }
        int position = SlotStatus.GeneratorPosition;
        if (target.Length > 1 && (!int.TryParse(target[1], out position) || position < 0 || position >= SlotStatus.Positions))
        { error = $"'{target[1]}' is not a chain position 0–7"; return null; }
        return new ChainLoad(slot, position, text[(eq + 1)..]);
    }

    public override string ToString() => $"{Slot}.{Position}={Path}";
}
