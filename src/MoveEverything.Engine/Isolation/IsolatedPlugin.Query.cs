using System.Diagnostics;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Isolation;

/// <summary>get_param of an isolated module, asked by the engine's control thread (never the block thread).</summary>
public sealed unsafe partial class IsolatedPlugin
{
    private long _querySequence;

    /// <summary>
    /// Control thread only: asks the worker for one parameter and waits, at most <paramref name="timeoutMs"/>, for its
    /// answer, which the worker gives between two renders. <paramref name="key"/> is the plugin's own key (no
    /// <c>synth:</c> prefix). Returns the answer's length in <paramref name="destination"/>, or −1 when the plugin
    /// answered none, the answer does not fit, no worker is ready (starting, crashed, restarting) or it did not answer
    /// in time (a worker stuck in get_param is the watchdog's to kill). Allocates nothing.
    /// </summary>
    public int QueryParam(ReadOnlySpan<byte> key, Span<byte> destination, int timeoutMs)
    {
        if (key.Length > ParamMessage.KeyCapacity || State != WorkerState.Ready) return -1;
        var query = _layout.Query;
        key.CopyTo(new Span<byte>(query->Key, ParamMessage.KeyCapacity));
        query->KeyLength = key.Length;
        long request = ++_querySequence;
        Volatile.Write(ref query->RequestSequence, request);
        Futex.Wake(&_layout.Header->RequestWord); // an idle worker answers now rather than at its next block
        long deadline = Stopwatch.GetTimestamp() + timeoutMs * Stopwatch.Frequency / 1000;
        var spin = new SpinWait();
        while (Volatile.Read(ref query->AnswerSequence) != request)
        {
            // Look once more after the deadline: this thread may itself have been descheduled past it.
            if ((Stopwatch.GetTimestamp() > deadline || State != WorkerState.Ready) && Volatile.Read(ref query->AnswerSequence) != request)
                return -1;
            spin.SpinOnce(sleep1Threshold: 20);
        }
        int length = query->Length;
        if (length < 0 || length > destination.Length) return -1;
        new ReadOnlySpan<byte>(query->Value, length).CopyTo(destination);
        return length;
    }
}
