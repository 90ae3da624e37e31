using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MoveEverything.Boot;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Install;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev install --root DIR --payload DIR`: deploy Move Everything and put the launcher at DIR/opt/move/Move.
/// Exit codes are <see cref="BootErrorKind"/> values (docs/BOOT.md). Also holds the options and the result printer
/// shared by the other bootstrap verbs.
/// </summary>
public static class InstallCommand
{
    public static Command Create()
    {
        var root = RootOption();
        var payload = new Option<string>("--payload") { Description = "Folder holding version, launcher and host (the host payload)", Required = true };
        var json = JsonOption();
        var command = new Command("install", "Install Move Everything onto a Move filesystem (backs up stock Move once)") { root, payload, json };
        command.SetAction(parse =>
        {
            var layout = new MoveLayout(Path.GetFullPath(parse.GetValue(root)!));
            var result = new Installer(PhysicalFileSystem.Instance, layout, TimeProvider.System).Install(Path.GetFullPath(parse.GetValue(payload)!));
            return Report("install", result, parse.GetValue(json));
        });
        return command;
    }

    /// <summary>Plain JSON for scripts: no escaping of '+' or quotes-in-text beyond what JSON needs.</summary>
    internal static readonly JsonSerializerOptions JsonOutput = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static Option<string> RootOption() =>
        new("--root") { Description = "Filesystem root of the Move (/ on the device, a folder in tests)", DefaultValueFactory = _ => "/" };

    internal static Option<bool> JsonOption() => new("--json") { Description = "Print plain JSON" };

    /// <summary>Prints what was done or the typed error, and returns the exit code.</summary>
    internal static int Report(string verb, OperationResult result, bool json)
    {
        if (json)
        {
            var done = new JsonArray();
            foreach (var line in result.Done) done.Add(line);
            var node = new JsonObject
            {
                ["operation"] = verb,
                ["ok"] = result.Succeeded,
                ["error"] = result.Error?.Kind.ToString(),
                ["message"] = result.Error?.Message,
                ["exitCode"] = result.ExitCode,
                ["done"] = done,
            };
            Console.WriteLine(node.ToJsonString(JsonOutput));
            return result.ExitCode;
        }
        foreach (var line in result.Done) Console.WriteLine($"  {line}");
        if (result.Error is { } error) Console.Error.WriteLine($"mev {verb}: {error.Kind}: {error.Message}");
        else Console.WriteLine($"mev {verb}: done");
        return result.ExitCode;
    }
}
