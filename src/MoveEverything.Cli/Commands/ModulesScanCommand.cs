using System.CommandLine;
using System.Text.Json.Nodes;
using MoveEverything.Modules.Discovery;
using MoveEverything.Modules.Manifests;
using MoveEverything.Modules.Reporting;
using Spectre.Console;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev modules scan DIR [--json]`: parses every module.json below DIR at any depth and prints one
/// record per file (path, id, component_type, api_version, diagnostics).
/// Exit code: 0 every manifest is loadable, 1 at least one has an error, 2 DIR does not exist.
/// </summary>
public static class ModulesScanCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Directory to search for module.json files (any depth)" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table" };
        var command = new Command("scan", "Parse every module.json below a directory and report what each says") { dir, json };
        command.SetAction(parseResult => Run(parseResult.GetValue(dir)!, parseResult.GetValue(json)));
        return command;
    }

    private static int Run(DirectoryInfo dir, bool json)
    {
        if (!dir.Exists)
        {
            Console.Error.WriteLine($"mev modules scan: no directory at {dir.FullName}");
            return 2;
        }
        var scanned = ManifestTreeScanner.Scan(dir.FullName);
        if (json)
            Console.WriteLine(ReportJson.Serialize(new JsonArray([.. scanned.Select(s => (JsonNode)ReportJson.Scanned(s))])));
        else
            PrintTable(scanned);
        return scanned.Any(s => s.Result.HasErrors) ? 1 : 0;
    }

    private static void PrintTable(IReadOnlyList<ScannedManifest> scanned)
    {
        var table = new Table().AddColumns("path", "id", "component_type", "api", "diagnostics");
        foreach (var s in scanned)
        {
            var m = s.Result.Manifest;
            var codes = string.Join(", ", s.Result.Diagnostics.Select(d => d.Severity == DiagnosticSeverity.Error ? $"[red]{d.Code}[/]" : d.Code));
            table.AddRow(Markup.Escape(s.Path), Markup.Escape(m?.Id ?? "-"), Markup.Escape(m?.ComponentType ?? "-"),
                m?.ApiVersion?.ToString() ?? "-", codes.Length > 0 ? codes : "-");
        }
        AnsiConsole.Write(table);
        var errors = scanned.Count(s => s.Result.HasErrors);
        AnsiConsole.MarkupLine($"{scanned.Count} manifest(s), {errors} with errors");
    }
}
