using Microsoft.Extensions.Logging;

namespace MoveEverything.UiHost.Tests;

/// <summary>Keeps every log line; <see cref="WaitFor"/> lets a test thread wait until a script logged something.</summary>
public sealed class ListLogger : ILogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToList(); } }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
        {
            _lines.Add($"{logLevel}: {formatter(state, exception)}");
            Monitor.PulseAll(_lines);
        }
    }

    public void WaitFor(string fragment)
    {
        lock (_lines)
            while (!_lines.Any(l => l.Contains(fragment))) Monitor.Wait(_lines);
    }
}
