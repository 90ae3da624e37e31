namespace MoveEverything.Engine.Process;

/// <summary>A plugin to load at start: slot (0–3, 4 = master), chain position and path of the .so (or builtin:synth).</summary>
public sealed record PluginLoadRequest(int Slot, int Position, string Path)
{
    /// <summary>Parses <c>S=PATH</c> (generator position) or <c>S.P=PATH</c>.</summary>
    public static PluginLoadRequest? Parse(string text, out string? error)
    {
        error = null;
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1) { error = $"'{text}' is not SLOT[.POSITION]=PATH"; return null; }
        var target = text[..eq].Split('.');
        if (!int.TryParse(target[0], out int slot) || slot < 0 || slot > 4) { error = $"'{target[0]}' is not a slot 0–4"; return null; }
        int position = 2;
        if (target.Length > 1 && (!int.TryParse(target[1], out position) || position < 0 || position > 7))
        { error = $"'{target[1]}' is not a chain position 0–7"; return null; }
        return new PluginLoadRequest(slot, position, text[(eq + 1)..]);
    }

    public override string ToString() => $"{Slot}.{Position}={Path}";
}
