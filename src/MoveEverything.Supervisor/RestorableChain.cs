using Microsoft.Extensions.Logging;
using MoveEverything.Ipc;

namespace MoveEverything.Supervisor;

/// <summary>
/// What a restarted engine loads at start: the modules the dead engine's status block shows Running, minus those the
/// crash sink refuses (disabled, the one just blamed), each at its slot and position with the path it was loaded from
/// and the <see cref="LoadFlags"/> it was loaded with (ModuleStatus.Flags: trust, mailbox grant), so the restored chain
/// runs isolated or in-process as before and keeps exactly the grants the user gave.
/// </summary>
public static unsafe class RestorableChain
{
    /// <param name="status">The dead engine's status block (read before it is reset).</param>
    /// <param name="started">The loads the first engine started with (their paths).</param>
    /// <param name="resolvePath">Path of a module loaded later (e.g. by the UI host); null when unknown.</param>
    public static IReadOnlyList<ChainLoad> From(StatusBlock* status, IReadOnlyList<ChainLoad> started, ICrashSink sink,
        Func<string, string?> resolvePath, ILogger logger)
    {
        var known = started.GroupBy(l => l.ModuleId).ToDictionary(g => g.Key, g => g.First().Path);
        var chain = new List<ChainLoad>();
        for (int slot = 0; slot < StatusBlock.SlotEntries; slot++)
            for (int position = 0; position < SlotStatus.Positions; position++)
            {
                ref var module = ref status->SlotTable[slot].Modules[position];
                if (module.State != ModuleRunState.Running) continue;
                string id = FixedUtf8.Read(module.IdSpan);
                if (!sink.MayRestore(id)) continue;
                string? path = ChainLoad.BuiltinPathOf(id) ?? known.GetValueOrDefault(id) ?? resolvePath(id);
                if (path == null) { logger.LogWarning("cannot restore {Module}: its path is unknown", id); continue; }
                chain.Add(new ChainLoad(slot, position, path, module.Flags));
            }
        return chain;
    }
}
