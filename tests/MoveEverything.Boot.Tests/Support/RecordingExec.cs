using MoveEverything.Boot.Decision;

namespace MoveEverything.Boot.Tests.Support;

/// <summary>Records exec requests and pretends they replaced the process; fails for paths in <see cref="Failing"/>.</summary>
public sealed class RecordingExec : IExec
{
    public List<ExecRequest> Requests { get; } = [];
    public HashSet<string> Failing { get; } = [];

    public string? Exec(ExecRequest request)
    {
        Requests.Add(request);
        return Failing.Contains(request.Path) ? $"exec {request.Path} failed (test)" : null;
    }
}
