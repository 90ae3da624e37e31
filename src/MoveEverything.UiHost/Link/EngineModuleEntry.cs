using MoveEverything.Ipc;

namespace MoveEverything.UiHost.Link;

/// <summary>
/// One occupied chain position as the engine's status block shows it: who runs there, in which state (a worker
/// fault shows as <see cref="ModuleRunState.Crashed"/> with <see cref="LoadResultCode.WorkerFaulted"/>, an overrun as
/// <see cref="ModuleRunState.Bypassed"/>), the flags it was loaded with and whether it runs in a DSP worker.
/// </summary>
public sealed record EngineModuleEntry(int Slot, int Position, string ModuleId, ModuleRunState State, LoadResultCode Reason,
    LoadFlags Flags, bool Isolated)
{
    public bool IsWorkerFault => State == ModuleRunState.Crashed && Reason == LoadResultCode.WorkerFaulted;
}
