using System.Diagnostics;
using System.Text.Json;

namespace MoveEverything.Simulator.Tests.Headless;

/// <summary>Runs the real `mev` built next to the tests, as a user would, and captures its output.</summary>
internal static class MevProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
    }

    public static Result Run(params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "mev"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000)) { process.Kill(true); throw new TimeoutException("mev did not finish"); }
        return new Result(process.ExitCode, stdout, stderr.Result);
    }
}
