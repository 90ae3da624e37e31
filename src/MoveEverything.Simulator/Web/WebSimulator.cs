using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MoveEverything.Simulator.Device;

namespace MoveEverything.Simulator.Web;

/// <summary>
/// Serves the simulated Move in a browser, on 127.0.0.1 only: <c>GET /</c> is one self-contained page
/// (display, pads, knobs with touch, buttons, LEDs, audio via WebAudio); <c>/ws</c> is one WebSocket per page
/// carrying state and audio to the page and input events from it (protocol in <see cref="SimulatorSession"/>).
/// The caller owns the <see cref="SimulatedMove"/> and keeps it pumping (e.g. <see cref="SimulatedMove.Start"/>).
/// A WebSocket request from another origin (a foreign web page in the same browser) is refused with 403.
/// <example>Wiring for <c>mev sim</c> (simulator side; the engine process attaches with
/// <c>SimulatedMailboxTransport.TryAttach(linkPath, BlockClock.Realtime(), …)</c>):
/// <code>
/// using var endpoint = SimulatedDeviceEndpoint.CreateLink(SimulatedLink.NewPath());
/// using var move = new SimulatedMove(endpoint);
/// move.Start();
/// // start the engine process with endpoint.LinkPath
/// await WebSimulator.RunAsync(move, new WebSimulatorOptions { Port = 7700 }, ct);
/// </code></example>
/// </summary>
public static class WebSimulator
{
    internal const string PageResource = "MoveEverything.Simulator.Web.index.html";

    /// <summary>Runs the web simulator until <paramref name="ct"/> is cancelled.</summary>
    public static async Task RunAsync(SimulatedMove move, WebSimulatorOptions options, CancellationToken ct)
    {
        await using var running = await StartAsync(move, options, ct).ConfigureAwait(false);
        try { await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    /// <summary>
    /// Starts the server and returns once it listens; <see cref="RunningWebSimulator.Url"/> is the bound
    /// address (useful with port 0). Dispose the result to stop.
    /// </summary>
    public static async Task<RunningWebSimulator> StartAsync(SimulatedMove move, WebSimulatorOptions options, CancellationToken ct = default)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options.LoggerFactory ?? NullLoggerFactory.Instance);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var stats = new WebSimulatorStats();
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("MoveEverything.Simulator.Web");
        byte[] page = LoadPage();

        app.UseWebSockets();
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.Body.WriteAsync(page).AsTask();
        });
        app.Map("/ws", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            if (!IsSameOrigin(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            if (!stats.TryEnter(options.MaxClients))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
            try
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
                await new SimulatorSession(socket, move, options, stats, logger).RunAsync(context.RequestAborted).ConfigureAwait(false);
            }
            finally { stats.Leave(); }
        });

        await app.StartAsync(ct).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        var url = new Uri(addresses?.Addresses.FirstOrDefault() ?? $"http://127.0.0.1:{options.Port}");
        logger.LogInformation("web simulator listening on {Url}", url);
        return new RunningWebSimulator(app, url, stats);
    }

    /// <summary>Browsers always send Origin on WebSocket requests; only our own page's origin may connect.</summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        string? origin = request.Headers.Origin;
        if (string.IsNullOrEmpty(origin)) return true; // not a browser (tests, tools on this machine)
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] LoadPage()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(PageResource)
            ?? throw new InvalidOperationException($"embedded resource {PageResource} is missing from the build");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
