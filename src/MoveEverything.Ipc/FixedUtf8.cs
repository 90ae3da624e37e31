using System.Text;

namespace MoveEverything.Ipc;

/// <summary>
/// NUL-terminated UTF-8 in fixed-size byte buffers of the wire structs.
/// Invariant: a written buffer always holds a terminating NUL, so at most <c>capacity − 1</c> bytes of text;
/// longer text is cut on a UTF-8 character boundary, never mid-sequence.
/// </summary>
public static class FixedUtf8
{
    /// <summary>Writes <paramref name="text"/> and returns the byte count written (without the NUL).</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<char> text)
    {
        destination.Clear();
        if (destination.Length == 0) return 0;
        var room = destination[..^1];
        Encoding.UTF8.GetEncoder().Convert(text, room, flush: true, out _, out int written, out _);
        return written;
    }

    /// <summary>Copies raw bytes (already UTF-8) and NUL-terminates; returns the count copied.</summary>
    public static int WriteBytes(Span<byte> destination, ReadOnlySpan<byte> utf8)
    {
        destination.Clear();
        if (destination.Length == 0) return 0;
        int n = Math.Min(utf8.Length, destination.Length - 1);
        utf8[..n].CopyTo(destination);
        return n;
    }

    /// <summary>The bytes before the first NUL (no allocation).</summary>
    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> buffer)
    {
        int end = buffer.IndexOf((byte)0);
        return end < 0 ? buffer : buffer[..end];
    }

    public static string Read(ReadOnlySpan<byte> buffer) => Encoding.UTF8.GetString(Slice(buffer));
}
