using System.Diagnostics;
using System.Runtime.InteropServices;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Realtime;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// Runs modules in DSP worker processes: <see cref="Load"/> starts a worker and returns an adapter the chain plays
/// like any plugin; a watchdog thread (<see cref="WorkerWatchdog"/>) turns worker crashes, hangs and overruns into
/// <see cref="WorkerFault"/>s for the <c>onFault</c> callback (the health registry path), which decides whether the
/// worker restarts (exponential backoff) or the slot stays silent. Load/Unload: control thread.
/// Invariant: a fault never touches the block thread — the adapter just finds no answer and plays silence.
/// </summary>
public sealed unsafe class IsolationHost : IDisposable
{
    private readonly IsolationOptions _options;
    private readonly HostServices _services;
    private readonly WorkerWatchdog _watchdog;
    private readonly string _folder;
    private readonly byte* _mailbox;

    /// <param name="options">Timeouts, backoff, bypass threshold.</param>
    /// <param name="dsp">DSP limits for the adapter plugins (timing windows).</param>
    /// <param name="onFault">Called on the watchdog thread for every runtime fault; returns whether to restart.</param>
    /// <param name="mailbox">The engine's mailbox page, mirrored into the workers of modules loaded with the grant; null:
    /// no worker gets a page (mapped_memory NULL, as in-process without a page).</param>
    public IsolationHost(IsolationOptions? options, DspOptions? dsp, Func<WorkerFault, WorkerFaultDecision>? onFault, byte* mailbox = null)
    {
        _mailbox = mailbox;
        _options = (options ?? IsolationOptions.Default).Validate();
        _services = new HostServices(dsp ?? DspOptions.Default);
        _folder = SharedMemoryRegion.DefaultFolder;
        _watchdog = new WorkerWatchdog(_options, onFault ?? (_ => WorkerFaultDecision.Restart));
    }

    public IsolationOptions Options => _options;
    /// <summary>Every fault seen so far (watchdog thread appends).</summary>
    public IReadOnlyList<WorkerFault> Faults => _watchdog.Faults;
    /// <summary>Worker restarts so far.</summary>
    public int Restarts => _watchdog.Restarts;

    /// <summary>
    /// Control thread: starts a worker for <paramref name="request"/> and waits until it is ready or refused. Call it from
    /// a thread that outlives the module (the engine's main or control thread): the worker asks the kernel to kill it
    /// when the thread that spawned it exits, so no worker outlives a dead engine, even one hung in plugin code.
    /// </summary>
    public IsolatedLoadResult Load(PluginLoadRequest request)
    {
        if (request.Kind == PluginKind.MidiFx)
            return new(null, new PluginLoadFailure(request.ModuleId, request.LibraryPath, PluginLoadFailureKind.NotLoadable,
                "MIDI FX always run in-process (their output feeds the same block)"), null);
        string path = Path.Combine(_folder, $"mev-worker-{Environment.ProcessId}-{Guid.NewGuid():N}.shm");
        var region = SharedMemoryRegion.Create(path, WorkerLayout.TotalBytes);
        var layout = WorkerLayout.Format(region.Pointer);
        bool grant = request.GrantMailboxAccess && _mailbox is not null;
        var arguments = new WorkerArguments(path, request with { LibraryPath = Path.GetFullPath(request.LibraryPath), GrantMailboxAccess = grant }, _options.IdleWakeMs,
            ParentPid: Environment.ProcessId);
        var isolated = new IsolatedPlugin(layout, region, arguments, _options, grant ? _mailbox : null);
        var worker = WorkerProcess.Start(arguments);
        var outcome = WaitUntilStarted(isolated, worker);
        if (outcome != null)
        {
            worker.Dispose();
            isolated.FreeBuffers();
            region.Dispose();
            File.Delete(path);
            return outcome;
        }
        CreateAdapter(isolated, request);
        _watchdog.Watch(isolated, worker);
        return new(isolated, null, null);
    }

    private IsolatedLoadResult? WaitUntilStarted(IsolatedPlugin isolated, WorkerProcess worker)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var state = isolated.State;
            if (state == WorkerState.Ready) return null;
            if (state == WorkerState.LoadFailed)
            {
                var header = isolated.Layout.Header;
                return new(null, new PluginLoadFailure(isolated.ModuleId, isolated.Arguments.Request.LibraryPath,
                    (PluginLoadFailureKind)header->FailureKind, isolated.Layout.ReasonText(), header->FailureFound, header->FailureExpected), null);
            }
            if (worker.HasExited || clock.ElapsedMilliseconds > _options.StartTimeoutMs)
            {
                bool hung = !worker.HasExited;
                if (hung) worker.Kill();
                return new(null, null, WorkerWatchdog.Diagnose(isolated, worker, hung ? WorkerFaultKind.Hang : null, 0));
            }
            Thread.Sleep(1);
        }
    }

    private void CreateAdapter(IsolatedPlugin isolated, PluginLoadRequest request)
    {
        bool fx = request.Kind == PluginKind.AudioFx;
        isolated.Api = IsolatedPlugin.CreateApi(fx);
        isolated.Handle = GCHandle.Alloc(isolated);
        var host = new HostApiBlock(_services, request.Slot, request.ReceiveChannel, grantMailboxAccess: false);
        // A distinct library path, so the in-process loader never mistakes the adapter for a library it opened.
        var adapterRequest = request with { LibraryPath = "isolated:" + Path.GetFullPath(request.LibraryPath) };
        isolated.Plugin = new NativePlugin(adapterRequest, fx ? PluginAbiFlavor.AudioFxV2 : PluginAbiFlavor.SynthV2, isolated.Api,
            (void*)GCHandle.ToIntPtr(isolated.Handle), null, host, _services.Options) { Isolated = isolated };
        isolated.Destroyed = p => Release(p, host);
    }

    /// <summary>
    /// Control thread, after the block thread let go of the adapter (retired chain): stops the worker and frees
    /// everything. <see cref="PluginLoader.Unload"/> on the adapter ends here too (destroy_instance).
    /// </summary>
    public void Unload(IsolatedPlugin isolated)
    {
        if (!isolated.Plugin.IsUnloaded) isolated.Destroyed?.Invoke(isolated);
        isolated.Plugin.IsUnloaded = true;
        isolated.Plugin.FreeId();
    }

    private void Release(IsolatedPlugin isolated, HostApiBlock host)
    {
        isolated.Destroyed = null;
        _watchdog.Forget(isolated);
        host.Dispose();
        if (isolated.Handle.IsAllocated) isolated.Handle.Free();
        IsolatedPlugin.FreeApi(isolated.Api);
        isolated.FreeBuffers();
        string path = isolated.Region.Path;
        isolated.Region.Dispose();
        File.Delete(path);
    }

    public void Dispose()
    {
        foreach (var isolated in _watchdog.Plugins) Unload(isolated);
        _watchdog.Dispose();
        _services.Dispose();
    }
}
