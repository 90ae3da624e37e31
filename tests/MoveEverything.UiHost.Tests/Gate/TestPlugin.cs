using System.Diagnostics;

namespace MoveEverything.UiHost.Tests.Gate;

/// <summary>A minimal plugin-ABI-2 dsp.so for this CPU, compiled once per test run with the system C compiler (cc is in CI).</summary>
public static class TestPlugin
{
    private static readonly Lazy<string> Built = new(Build);

    /// <summary>Copies the compiled library to <paramref name="folder"/>/dsp.so.</summary>
    public static void CopyTo(string folder) => File.Copy(Built.Value, Path.Combine(folder, "dsp.so"), overwrite: true);

    private static string Build()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mev-gate-plugin-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var src = Path.Combine(dir, "p.c");
        var output = Path.Combine(dir, "dsp.so");
        File.WriteAllText(src, "void *move_plugin_init_v2(const void *host) { (void)host; return 0; }\n");
        var psi = new ProcessStartInfo("cc") { RedirectStandardError = true };
        foreach (var a in new[] { "-shared", "-fPIC", "-O1", "-o", output, src }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("cc failed: " + err);
        return output;
    }
}
