using MoveEverything.Ipc;

namespace MoveEverything.UiHost.Link;

/// <summary>
/// One occupied chain position as the engine's status block shows it: who runs there, in which state (a worker
/// fault shows as <see cref="ModuleRunState.Crashed"/> with <see cref="LoadResultCode.WorkerFaulted"/>, an overrun as
/// <see cref="ModuleRunState.Bypassed"/>), the flags it was loaded with and whether it runs in a DSP worker.
/// </summary>
/// For a worker fault, <paramref name="FaultKind"/>, <paramref name="FaultPhase"/> and <paramref name="FaultSignal"/> say how,
/// in which call and by which signal (0 none) it ended.
public sealed record EngineModuleEntry(int Slot, int Position, string ModuleId, ModuleRunState State, LoadResultCode Reason,
    LoadFlags Flags, bool Isolated, ModuleFaultKind FaultKind = ModuleFaultKind.None, PluginPhase FaultPhase = PluginPhase.None,
    int FaultSignal = 0)
{
    public bool IsWorkerFault => State == ModuleRunState.Crashed && Reason == LoadResultCode.WorkerFaulted;
}
