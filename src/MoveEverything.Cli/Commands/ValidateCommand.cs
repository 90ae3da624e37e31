using System.CommandLine;
using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Reporting;
using MoveEverything.Modules.Validation;
using Spectre.Console;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev validate DIR [--json] [--manifest-only]`: the module author's check. For the module in DIR
/// (or every module.json below DIR): schema errors, the compatibility verdict against this host and
/// its support window, the unsafe capabilities it needs, and for a dsp.so its CPU and real entry
/// points. Exit code: 0 only when every module would load; 1 otherwise; 2 when DIR does not exist.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "A module folder (with module.json), or a folder to search for module.json files" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a report" };
        var manifestOnly = new Option<bool>("--manifest-only") { Description = "Check manifests only, without looking for dsp.so (e.g. for a manifest collection)" };
        var command = new Command("validate", "Check a module: schema, compatibility with this host, capabilities, native library") { dir, json, manifestOnly };
        command.SetAction(parseResult => Run(parseResult.GetValue(dir)!, parseResult.GetValue(json), parseResult.GetValue(manifestOnly)));
        return command;
    }

    private static int Run(DirectoryInfo dir, bool json, bool manifestOnly)
    {
        if (!dir.Exists)
        {
            Console.Error.WriteLine($"mev validate: no directory at {dir.FullName}");
            return 2;
        }
        var options = new ValidationOptions { ManifestOnly = manifestOnly };
        var reports = ModuleValidator.ValidateDirectory(dir.FullName, options);
        if (json)
            Console.WriteLine(ReportJson.Serialize(ValidationJson.Document(reports, options.Host)));
        else
            Print(reports, options.Host);
        return reports.Count > 0 && reports.All(r => r.WouldLoad) ? 0 : 1;
    }

    private static void Print(IReadOnlyList<ValidationReport> reports, HostIdentity host)
    {
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(host.ToString())}[/]");
        if (reports.Count == 0) AnsiConsole.MarkupLine("[red]no module.json found[/]");
        foreach (var r in reports) PrintOne(r, host);
        if (reports.Count > 1)
            AnsiConsole.MarkupLine($"{reports.Count(r => r.WouldLoad)} of {reports.Count} module(s) would load");
    }

    private static void PrintOne(ValidationReport r, HostIdentity host)
    {
        var title = r.Manifest is { } m ? $"{m.Id} {m.Version}" : "(no manifest)";
        var state = r.WouldLoad ? "[green]would load[/]" : "[red]REFUSED[/]";
        AnsiConsole.MarkupLine($"\n[bold]{Markup.Escape(title)}[/]  {state}  [grey]{Markup.Escape(r.ManifestPath)}[/]");
        foreach (var f in r.Verdict.Findings)
            AnsiConsole.MarkupLine($"  {Color(f.Severity)} {Markup.Escape(f.Code)}: {Markup.Escape(f.Message)}");
        foreach (var d in r.Parse.Diagnostics.Where(d => d.Severity != Modules.Manifests.DiagnosticSeverity.Error))
            AnsiConsole.MarkupLine($"  [grey]manifest {Markup.Escape(d.Code)}: {Markup.Escape(d.Message)}[/]");
        foreach (var v in r.Schema ?? [])
            AnsiConsole.MarkupLine($"  [yellow]schema[/] {Markup.Escape(v.ToString())}");
        if (r.Capabilities is { Required.IsEmpty: false } caps)
        {
            AnsiConsole.MarkupLine("  needs consent for:");
            foreach (var s in caps.Sources)
                AnsiConsole.MarkupLine($"    {Markup.Escape(UnsafeCapabilities.NameOf(s.Capability))} [grey](from {Markup.Escape(s.DeclaredAs)})[/]: {Markup.Escape(UnsafeCapabilities.Info(s.Capability).Description)}");
            if (r.Native is { Exists: true })
                AnsiConsole.MarkupLine($"    [grey]{Markup.Escape(UnsafeCapabilities.NativeCodeNotice)}[/]");
        }
        if (r.Native is { } n) PrintNative(n, host);
    }

    private static void PrintNative(NativeLibraryProbe n, HostIdentity host)
    {
        if (n.Elf?.Info is { } info)
        {
            var entries = PluginEntryPoints.All.Where(info.Exports).ToList();
            AnsiConsole.MarkupLine($"  dsp {Markup.Escape(Path.GetFileName(n.Path))}: {info.MachineName} (host {host.Cpu}), " +
                $"entry points: {Markup.Escape(entries.Count > 0 ? string.Join(", ", entries) : "none")}, {info.ExportedSymbols.Count} exported symbol(s)");
        }
        else
            AnsiConsole.MarkupLine($"  dsp {Markup.Escape(Path.GetFileName(n.Path))}: {(n.Exists ? Markup.Escape(n.Elf?.Error?.Message ?? "unreadable") : "missing")}");
    }

    private static string Color(FindingSeverity s) => s switch
    {
        FindingSeverity.Refusal => "[red]refusal[/]",
        FindingSeverity.Warning => "[yellow]warning[/]",
        _ => "[grey]note[/]",
    };
}
