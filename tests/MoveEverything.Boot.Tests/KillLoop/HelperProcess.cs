using System.Diagnostics;

namespace MoveEverything.Boot.Tests.KillLoop;

/// <summary>
/// One MoveEverything.Boot.KillHelper child started in "serve" mode: its runtime is already up (it printed "ready")
/// when the test sends the operation, so the random kill delay measures time inside the operation, not start-up.
/// </summary>
internal sealed class HelperProcess : IDisposable
{
    private readonly Process _process;

    private HelperProcess(Process process) => _process = process;

    public static HelperProcess Start()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MoveEverything.Boot.KillHelper.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("serve");
        info.Environment["DOTNET_TieredPGO"] = "0";
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the kill helper");
        return new HelperProcess(process);
    }

    public void WaitReady() => Expect("ready");

    /// <summary>Sends the operation and returns once the helper reports it started.</summary>
    public void Run(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        Expect("go");
    }

    /// <summary>SIGKILL; false when the operation had already finished (that kill did not interrupt anything).</summary>
    public bool Kill()
    {
        if (_process.HasExited) return false;
        _process.Kill();
        _process.WaitForExit();
        return _process.ExitCode is 137 or -1 or 9 || !(_process.StandardOutput.ReadToEnd().Contains("done"));
    }

    public string WaitDone()
    {
        var rest = _process.StandardOutput.ReadToEnd();
        _process.WaitForExit();
        return rest;
    }

    private void Expect(string word)
    {
        var line = _process.StandardOutput.ReadLine();
        if (line != word)
            throw new InvalidOperationException($"kill helper said '{line}' instead of '{word}': {_process.StandardError.ReadToEnd()}");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }
}
