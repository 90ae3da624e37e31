using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MoveEverything.Health;
using MoveEverything.Health.Consent;
using MoveEverything.Health.Persistence;
using MoveEverything.Modules.Compatibility;
using MoveEverything.UiHost.Gate;
using MoveEverything.Health.Policy;
using MoveEverything.Ipc;
using MoveEverything.Storage;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Menu;
using MoveEverything.UiHost.Session;

namespace MoveEverything.UiHost;

/// <summary>
/// The UI host process: connects to the engine over the control channel, runs the system menu and module UIs
/// at the tick rate, and exits on SIGTERM/SIGINT. Exit codes: 0 normal, 2 bad arguments, 3 channel not openable,
/// 4 --open names an unknown module.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var parsed = UiHostArguments.Parse(args, out var error);
        if (parsed is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter(l => l >= LogLevel.Information));
        var log = loggerFactory.CreateLogger("uihost");
        var options = new UiHostOptions();
        var data = parsed.DataRoot is { } root ? new DataPaths(root) : DataPaths.Default();
        var roots = parsed.ModuleRoots.Count > 0
            ? parsed.ModuleRoots.ToArray()
            : [data.Modules, Path.Combine(AppContext.BaseDirectory, "modules"), Path.Combine(Environment.CurrentDirectory, "modules")];

        ControlChannel? channel = null;
        try
        {
            if (parsed.Channel is { } path) channel = ControlChannel.Open(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            log.LogError("cannot open the control channel {Path}: {Reason}", parsed.Channel, ex.Message);
            return 3;
        }

        using var channelLease = channel;
        var link = channel is null ? (IEngineLink)new InMemoryEngineLink() : new ControlChannelEngineLink(channel, options);
        if (channel is null) log.LogWarning("no --channel: running against an in-memory engine (no audio)");
        // JS faults are only seen here, so this process reports them to the persisted registry (strikes, disable list).
        var registry = new ModuleHealthRegistry(new FileModuleHealthStore(data), HealthPolicy.Default, TimeProvider.System);
        foreach (var note in registry.LoadNotes) log.LogWarning("health state repaired: {Note}", note);
        var trust = new MoveEverything.Health.Trust.TrustBook(new FileTrustStore(data), HealthPolicy.Default, TimeProvider.System);
        foreach (var note in trust.LoadNotes) log.LogWarning("trust records repaired: {Note}", note);
        var health = new HealthRegistryBridge(registry, typeof(Program).Assembly.GetName().Version?.ToString() ?? "0", trust);
        var safeMode = UiSafeMode.From(parsed.SafeMode, parsed.SafeModeReason, Environment.GetEnvironmentVariable,
            new FileHostStartStore(data).Load(), HealthPolicy.Default);
        if (safeMode.IsHostSafeMode) log.LogWarning("safe mode: {Reason}", safeMode.Reason);
        IReadOnlyList<string> builtIn = parsed.BuiltInRoots is { Count: > 0 } b ? b
            : [Path.Combine(AppContext.BaseDirectory, "modules"), Path.Combine(Environment.CurrentDirectory, "modules")];
        var gate = new ModuleLoadGate(HostIdentity.Current, CompatibilityPolicy.Current, new ConsentStore(data, TimeProvider.System),
            registry, builtIn, safeMode, log, trust);
        var loop = new UiHostLoop(options, link, new FolderModuleCatalog(roots), health, health, log, data.ModuleData, gate,
            SafeModeWiring.Actions(log));
        loop.Menu.Remover = new AdministrationRemover(data, gate.IsBuiltIn, registry, log); // finishes interrupted removals
        loop.Start();
        var catalogCount = loop.Menu.Current.Items.Where(i => int.TryParse(i.Detail, out _)).Sum(i => int.Parse(i.Detail!));
        log.LogInformation("UI host up: {Count} modules, {Hz} Hz", catalogCount, options.TickHz);
        if (parsed.StatusFile is { } statusPath) new UiStatusFile(statusPath, loop, registry).Attach();
        if (parsed.Open is { } id && !loop.Open(id))
        {
            log.LogError("--open {Id}: no such module under {Roots}", id, string.Join(", ", roots));
            return 4;
        }

        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var orphan = SupervisorWatch.FromEnvironment(options.SupervisorCheckInterval, stop, log);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runner = new UiHostRunner(loop, options);
        runner.Run(stop.Token, parsed.Ticks);
        loop.Shutdown();
        (link as IDisposable)?.Dispose();
        var (p50, p99) = runner.TickPercentiles();
        log.LogInformation("UI host stopped after {Ticks} ticks in {Seconds:0.00} s; tick work p50 {P50:0} µs, p99 {P99:0} µs",
            loop.Ticks, clock.Elapsed.TotalSeconds, p50, p99);
        return 0;
    }
}
