using System.Text;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Install;

namespace MoveEverything.Boot;

/// <summary>
/// A host payload folder: <c>version</c> (one line, letters, digits, <c>._-+</c>), <c>launcher</c> (the program that goes
/// to /opt/move/Move) and <c>host</c> (the program the launcher execs for Move Everything), plus any other files.
/// </summary>
public sealed record Payload(string Folder, string Version, FileHash Launcher)
{
    public const string VersionFile = "version";
    public const string LauncherFile = "launcher";
    public const string HostFile = "host";
    private const int MaxVersionLength = 64;

    /// <summary>Reads and checks a payload folder; a bad one is a <see cref="BootErrorKind.PayloadInvalid"/> error.</summary>
    internal static Payload Read(IFileSystem fs, string folder)
    {
        if (!fs.DirectoryExists(folder)) throw Invalid($"payload folder {folder} does not exist");
        foreach (var required in new[] { VersionFile, LauncherFile, HostFile })
            if (!fs.FileExists(Path.Combine(folder, required))) throw Invalid($"payload {folder} has no '{required}' file");
        var version = ParseVersion(fs.ReadAllBytes(Path.Combine(folder, VersionFile)))
            ?? throw Invalid($"payload {folder}: '{VersionFile}' must hold one version like 1.2.0 (letters, digits, . _ - +)");
        return new Payload(folder, version, FileHash.Of(fs, Path.Combine(folder, LauncherFile)));
    }

    internal static string? ParseVersion(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content).Trim();
        if (text.Length is 0 or > MaxVersionLength) return null;
        foreach (var c in text)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or '+')) return null;
        return text;
    }

    private static BootFailure Invalid(string message) => BootFailure.Of(BootErrorKind.PayloadInvalid, message);
}
