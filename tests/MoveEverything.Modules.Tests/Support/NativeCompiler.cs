using System.Diagnostics;

namespace MoveEverything.Modules.Tests.Support;

/// <summary>Builds small C libraries for tests with the system C compiler (cc exists in CI).</summary>
internal static class NativeCompiler
{
    /// <summary>Compiles <paramref name="source"/> with <paramref name="compiler"/> and <paramref name="flags"/> into <paramref name="output"/>.</summary>
    public static void Compile(string source, string output, string flags = "-shared -fPIC -O1", string compiler = "cc")
    {
        var src = Path.ChangeExtension(output, ".c");
        File.WriteAllText(src, source);
        var psi = new ProcessStartInfo(compiler) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var f in flags.Split(' ', StringSplitOptions.RemoveEmptyEntries)) psi.ArgumentList.Add(f);
        psi.ArgumentList.Add("-o");
        psi.ArgumentList.Add(output);
        psi.ArgumentList.Add(src);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{compiler} failed ({p.ExitCode}): {err}");
    }

    /// <summary>True when <paramref name="compiler"/> is on PATH.</summary>
    public static bool Exists(string compiler) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, compiler)));
}
