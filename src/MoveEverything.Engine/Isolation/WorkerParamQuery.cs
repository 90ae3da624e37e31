using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// One get_param in flight between the engine's control thread and a worker (in <see cref="WorkerLayout"/>).
/// Protocol: the engine writes <see cref="Key"/> and <see cref="KeyLength"/>, then increments
/// <see cref="RequestSequence"/> (release) and wakes the worker. The worker, between two renders on its only thread,
/// sees <c>RequestSequence != AnswerSequence</c>, calls the plugin's get_param into <see cref="Value"/>, writes
/// <see cref="Length"/> (−1: none), then sets <see cref="AnswerSequence"/> to the request number it read (release).
/// The engine accepts the value only when the answer number equals its own request; an answer to an older request (it
/// gave up waiting) is ignored, and the worker answers the newer one next.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct WorkerParamQuery
{
    /// <summary>Largest answer, bytes (what <see cref="AbiConstants.ParamValueMaxBytes"/> allows in-process).</summary>
    public const int ValueCapacity = AbiConstants.ParamValueMaxBytes;

    public long RequestSequence;
    public long AnswerSequence;
    public int KeyLength;
    /// <summary>Length of the answer in <see cref="Value"/>, or −1 when the plugin answered none.</summary>
    public int Length;
    /// <summary>The plugin's own key (prefix such as <c>synth:</c> already stripped), NUL-terminated.</summary>
    public fixed byte Key[ParamMessage.KeyCapacity + 1];
    public fixed byte Value[ValueCapacity];
}
