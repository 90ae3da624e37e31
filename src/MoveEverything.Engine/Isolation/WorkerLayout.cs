using MoveEverything.Engine.Realtime;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// The shared memory between the engine and one DSP worker (one file in /dev/shm per worker):
///   0: <see cref="WorkerHeader"/> (256 bytes); 256: the worker's own <see cref="CallMarker"/> (dead-man's pedal);
///   384: load-failure reason, UTF-8 (512 bytes); 1024: parameter ring (<see cref="SpscRing{T}"/> of
///   <see cref="ParamMessage"/>, engine → worker); then two <see cref="WorkerRequest"/>, two <see cref="WorkerAnswer"/>
///   and one <see cref="WorkerParamQuery"/> (get_param, engine control thread ↔ worker).
/// Pointers are computed once; nothing here allocates after construction.
/// </summary>
public sealed unsafe class WorkerLayout
{
    public const int MarkerOffset = 256;
    public const int ReasonOffset = 384;
    public const int ReasonCapacity = 512;
    public const int ParamRingOffset = 1024;
    public const int ParamRingCapacity = 16;
    public static int RequestsOffset => Align(ParamRingOffset + SpscRing<ParamMessage>.RequiredBytes(ParamRingCapacity));
    public static int AnswersOffset => Align(RequestsOffset + 2 * sizeof(WorkerRequest));
    public static int QueryOffset => Align(AnswersOffset + 2 * sizeof(WorkerAnswer));
    public static int TotalBytes => Align(QueryOffset + sizeof(WorkerParamQuery));

    private static int Align(int offset) => (offset + 63) & ~63;

    private WorkerLayout(byte* memory, bool format)
    {
        Memory = memory;
        if (format)
        {
            new Span<byte>(memory, TotalBytes).Clear();
            SpscRing<ParamMessage>.Create(memory + ParamRingOffset, ParamRingCapacity);
            Request(0)->Sequence = Request(1)->Sequence = -1;
            Answer(0)->Sequence = Answer(1)->Sequence = -1;
            Header->LayoutVersion = WorkerHeader.Version;
            Volatile.Write(ref Header->Magic, WorkerHeader.MagicValue);
        }
        Params = SpscRing<ParamMessage>.Attach(memory + ParamRingOffset);
    }

    /// <summary>Engine side: formats fresh memory.</summary>
    public static WorkerLayout Format(byte* memory) => new(memory, format: true);

    /// <summary>Worker side: attaches to memory the engine formatted; null when it is not a worker region.</summary>
    public static WorkerLayout? Attach(byte* memory) =>
        ((WorkerHeader*)memory)->Magic == WorkerHeader.MagicValue && ((WorkerHeader*)memory)->LayoutVersion == WorkerHeader.Version
            ? new(memory, format: false) : null;

    public byte* Memory { get; }
    public WorkerHeader* Header => (WorkerHeader*)Memory;
    public CallMarker* Marker => (CallMarker*)(Memory + MarkerOffset);
    public byte* Reason => Memory + ReasonOffset;
    /// <summary>set_param messages; producer the engine's block thread, consumer the worker.</summary>
    public SpscRing<ParamMessage> Params { get; }
    public WorkerRequest* Request(long sequence) => (WorkerRequest*)(Memory + RequestsOffset) + (sequence & 1);
    public WorkerAnswer* Answer(long sequence) => (WorkerAnswer*)(Memory + AnswersOffset) + (sequence & 1);
    /// <summary>The get_param exchange; written by the engine's control thread and the worker (see <see cref="WorkerParamQuery"/>).</summary>
    public WorkerParamQuery* Query => (WorkerParamQuery*)(Memory + QueryOffset);

    /// <summary>The load-failure reason the worker left (allocates: watchdog only).</summary>
    public string ReasonText() =>
        System.Text.Encoding.UTF8.GetString(Reason, Math.Clamp(Header->ReasonLength, 0, ReasonCapacity));
}
