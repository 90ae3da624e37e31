using System.Diagnostics;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Install;
using MoveEverything.Boot.SafeMode;
using MoveEverything.Boot.Tests.Support;
using Xunit.Abstractions;

namespace MoveEverything.Boot.Tests.Launcher;

/// <summary>
/// NativeAOT smoke test (the slow step, one publish): publish the launcher for linux-x64 from an isolated copy of its
/// three projects, install it as the launcher of a test Move, and power on: it must derive its root from its own
/// path, exec the host (normal, then safe via the flag) and exec stock Move on the stock combination. Prints the cold
/// start to a decision (median / p90 of 30 runs); no timing assertion (shared machine).
/// </summary>
public sealed class LauncherAotTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestMove _move = new();

    [Fact]
    public void Published_launcher_decides_and_execs_from_a_test_root()
    {
        var binary = Publish();
        File.WriteAllText(_move.Layout.StockBinary, "#!/bin/sh\necho \"stock-move $*\"\n");
        var payload = _move.Payload("1.0.0");
        File.Copy(binary, Path.Combine(payload, "launcher"), overwrite: true);
        File.WriteAllText(Path.Combine(payload, "host"), "#!/bin/sh\necho \"host boot=$MEV_BOOT_ID safe=$MEV_SAFE_MODE version=$MEV_HOST_VERSION args=$*\"\n");
        var install = new Installer(PhysicalFileSystem.Instance, _move.Layout, TimeProvider.System).Install(payload);
        Assert.True(install.Succeeded, install.Error?.ToString());
        var move = _move.Layout.StockBinary;

        Assert.Contains("decision=normal", Run(move, "--dry-run"));
        Assert.Equal("host boot=1 safe=0 version=1.0.0 args=--from-init", Run(move, "--from-init").Trim());

        SafeModeFlag.Set(PhysicalFileSystem.Instance, _move.Layout, "smoke test", DateTimeOffset.UtcNow);
        Assert.StartsWith("host boot=2 safe=1", Run(move).Trim());
        Assert.False(File.Exists(_move.Layout.SafeModeFlag));

        File.WriteAllText(_move.Layout.HeldKeysFile, "shift+menu");
        Assert.Equal("stock-move --x", Run(move, "--x").Trim());
        File.Delete(_move.Layout.HeldKeysFile);

        ReportColdStart(move);
    }

    private void ReportColdStart(string move)
    {
        var samples = new List<double>();
        for (int i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            Run(move, "--dry-run");
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        output.WriteLine($"launcher cold start to a decision (--dry-run, process start to exit): median {samples[15]:0.0} ms, p90 {samples[27]:0.0} ms, max {samples[^1]:0.0} ms");
    }

    private string Publish()
    {
        var repo = RepoRoot();
        var copy = Path.Combine(_move.Work, "src-copy");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
            if (File.Exists(Path.Combine(repo, file))) { Directory.CreateDirectory(copy); File.Copy(Path.Combine(repo, file), Path.Combine(copy, file)); }
        foreach (var project in new[] { "MoveEverything.Launcher", "MoveEverything.Boot", "MoveEverything.Storage" })
            CopySources(Path.Combine(repo, "src", project), Path.Combine(copy, "src", project));
        var outDir = Path.Combine(_move.Work, "aot");
        var (code, text) = Execute("dotnet", ["publish", Path.Combine(copy, "src", "MoveEverything.Launcher"), "-c", "Release", "-r", "linux-x64",
            "-p:PublishAot=true", "-o", outDir, "--nologo"], TimeSpan.FromMinutes(10));
        Assert.True(code == 0, text);
        Assert.DoesNotContain("warning IL", text); // trimming/AOT warnings would mean reflection crept in
        var binary = Path.Combine(outDir, "MoveEverything.Launcher");
        output.WriteLine($"published {binary}: {new FileInfo(binary).Length / 1024} KB");
        return binary;
    }

    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from))
            if (Path.GetFileName(folder) is not ("bin" or "obj")) CopySources(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MoveEverything.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root (MoveEverything.slnx) not found above " + AppContext.BaseDirectory);
    }

    private static string Run(string program, params string[] args)
    {
        var (code, text) = Execute(program, args, TimeSpan.FromSeconds(30));
        Assert.True(code == 0, $"{program} {string.Join(' ', args)} exited {code}: {text}");
        return text;
    }

    private static (int Code, string Output) Execute(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(timeout)) { process.Kill(entireProcessTree: true); return (-1, "timeout\n" + stdout); }
        return (process.ExitCode, stdout + stderr.Result);
    }

    public void Dispose() => _move.Dispose();
}
