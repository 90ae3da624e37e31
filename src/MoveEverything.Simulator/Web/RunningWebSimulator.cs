using Microsoft.AspNetCore.Builder;

namespace MoveEverything.Simulator.Web;

/// <summary>A started web simulator: its address and counters. Dispose to stop it (pages are disconnected).</summary>
public sealed class RunningWebSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningWebSimulator(WebApplication app, Uri url, WebSimulatorStats stats)
    {
        _app = app;
        Url = url;
        Stats = stats;
    }

    /// <summary>The bound address, e.g. http://127.0.0.1:7700/.</summary>
    public Uri Url { get; }

    public WebSimulatorStats Stats { get; }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
