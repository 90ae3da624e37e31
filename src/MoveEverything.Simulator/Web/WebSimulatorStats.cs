namespace MoveEverything.Simulator.Web;

/// <summary>Counters of a running web simulator; all members are thread-safe (interlocked).</summary>
public sealed class WebSimulatorStats
{
    private int _clients;
    private long _inputAccepted, _inputRejected, _audioBlocksSent, _audioBlocksSkipped;

    public int Clients => Volatile.Read(ref _clients);
    public long InputAccepted => Interlocked.Read(ref _inputAccepted);
    public long InputRejected => Interlocked.Read(ref _inputRejected);
    public long AudioBlocksSent => Interlocked.Read(ref _audioBlocksSent);

    /// <summary>Audio blocks a slow page missed (it skipped to the newest audio instead).</summary>
    public long AudioBlocksSkipped => Interlocked.Read(ref _audioBlocksSkipped);

    /// <summary>The reason the last input message was rejected, or null.</summary>
    public string? LastRejection { get; private set; }

    internal bool TryEnter(int max)
    {
        if (Interlocked.Increment(ref _clients) <= max) return true;
        Interlocked.Decrement(ref _clients);
        return false;
    }

    internal void Leave() => Interlocked.Decrement(ref _clients);

    internal void Accepted() => Interlocked.Increment(ref _inputAccepted);

    internal void Rejected(string reason)
    {
        Interlocked.Increment(ref _inputRejected);
        LastRejection = reason;
    }

    internal void AudioSent(int blocks, long skipped)
    {
        Interlocked.Add(ref _audioBlocksSent, blocks);
        Interlocked.Add(ref _audioBlocksSkipped, skipped);
    }
}
