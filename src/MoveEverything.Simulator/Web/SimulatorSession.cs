using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoveEverything.Hardware;
using MoveEverything.Simulator.Device;

namespace MoveEverything.Simulator.Web;

/// <summary>
/// One page's WebSocket. Server → page:
/// <list type="bullet">
/// <item>text <c>{"t":"hello","sampleRate","palette":[128 × 0xRRGGBB],"buttons":[{name,cc,led}]}</c> once;</item>
/// <item>text <c>{"t":"leds","notes":[128],"ccs":[128]}</c> whenever any LED changed (full arrays: small);</item>
/// <item>binary, 4-byte header <c>[kind,0,0,0]</c>: kind 1 = display frame (1024 packed bytes, §7.3 layout),
/// kind 2 = audio (interleaved stereo int16 LE at 44.1 kHz, whole 128-frame blocks);</item>
/// <item>text <c>{"t":"stats","blocks","peak","frames","inputDropped"}</c> about four times a second.</item>
/// </list>
/// Page → server: the JSON input messages of <see cref="InputCommand"/>.
/// A page that reads too slowly skips audio to the newest block (counted) rather than delaying others.
/// </summary>
internal sealed class SimulatorSession(
    WebSocket socket, SimulatedMove move, WebSimulatorOptions options, WebSimulatorStats stats, ILogger logger)
{
    private const byte KindDisplay = 1, KindAudio = 2;
    private const int HeaderBytes = 4;
    private static readonly TimeSpan StatsInterval = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var receive = ReceiveLoopAsync(cts.Token);
        try
        {
            await SendLoopAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug("page disconnected: {Reason}", e.Message);
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            try { await receive.ConfigureAwait(false); }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        }
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        await SendTextAsync(Hello(), ct).ConfigureAwait(false);
        long ledVersion = -1, frames = -1, audioCursor = move.Blocks;
        var audio = new short[move.Options.AudioHistoryBlocks * MailboxLayout.SamplesPerBlock];
        var message = new byte[HeaderBytes + Math.Max(audio.Length * sizeof(short), MailboxLayout.DisplayFrameBytes)];
        var nextStats = DateTime.UtcNow;
        while (!ct.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            var snapshot = move.Snapshot();
            if (snapshot.LedVersion != ledVersion)
            {
                ledVersion = snapshot.LedVersion;
                await SendTextAsync(Leds(snapshot), ct).ConfigureAwait(false);
            }
            if (snapshot.DisplayFrames != frames)
            {
                frames = snapshot.DisplayFrames;
                message[0] = KindDisplay;
                snapshot.Display.CopyTo(message, HeaderBytes);
                await SendBinaryAsync(message.AsMemory(0, HeaderBytes + snapshot.Display.Length), ct).ConfigureAwait(false);
            }
            int samples = move.ReadAudio(ref audioCursor, audio, out long skipped);
            if (samples > 0)
            {
                message[0] = KindAudio;
                for (int i = 0; i < samples; i++)
                    BinaryPrimitives.WriteInt16LittleEndian(message.AsSpan(HeaderBytes + i * 2), audio[i]);
                await SendBinaryAsync(message.AsMemory(0, HeaderBytes + samples * 2), ct).ConfigureAwait(false);
                stats.AudioSent(samples / MailboxLayout.SamplesPerBlock, skipped);
            }
            if (DateTime.UtcNow >= nextStats)
            {
                nextStats = DateTime.UtcNow + StatsInterval;
                await SendTextAsync(Stats(snapshot), ct).ConfigureAwait(false);
            }
            await Task.Delay(options.UpdateInterval, ct).ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[options.MaxInputMessageBytes];
        while (!ct.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            int length = 0;
            bool tooLong = false;
            WebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length) { tooLong = true; length = 0; } // keep reading, discard
                result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), ct)
                    .ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct).ConfigureAwait(false);
                    return;
                }
                length += result.Count;
            }
            while (!result.EndOfMessage);

            string? rejection = tooLong ? $"input message longer than {options.MaxInputMessageBytes} bytes"
                : result.MessageType != WebSocketMessageType.Text ? "input messages are JSON text"
                : InputCommand.Apply(move, buffer.AsSpan(0, length));
            if (rejection == null) stats.Accepted();
            else
            {
                stats.Rejected(rejection);
                logger.LogDebug("input rejected: {Reason}", rejection);
            }
        }
    }

    private Task SendTextAsync(byte[] utf8, CancellationToken ct) =>
        socket.SendAsync(utf8, WebSocketMessageType.Text, true, ct);

    private ValueTask SendBinaryAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct) =>
        socket.SendAsync(bytes, WebSocketMessageType.Binary, true, ct);

    private static byte[] Hello() => Json(w =>
    {
        w.WriteString("t", "hello");
        w.WriteNumber("sampleRate", MailboxLayout.SampleRate);
        w.WriteStartArray("palette");
        foreach (int rgb in LedPalette.All) w.WriteNumberValue(rgb);
        w.WriteEndArray();
        w.WriteStartArray("buttons");
        foreach (var b in ControlMap.Buttons)
        {
            w.WriteStartObject();
            w.WriteString("name", b.Name);
            w.WriteNumber("cc", b.Cc);
            w.WriteString("led", b.Led.ToString().ToLowerInvariant());
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    private static byte[] Leds(MoveSnapshot s) => Json(w =>
    {
        w.WriteString("t", "leds");
        w.WriteStartArray("notes");
        foreach (byte b in s.NoteLeds) w.WriteNumberValue(b);
        w.WriteEndArray();
        w.WriteStartArray("ccs");
        foreach (byte b in s.CcLeds) w.WriteNumberValue(b);
        w.WriteEndArray();
    });

    private static byte[] Stats(MoveSnapshot s) => Json(w =>
    {
        w.WriteString("t", "stats");
        w.WriteNumber("blocks", s.Blocks);
        w.WriteNumber("peak", s.LastBlockPeak);
        w.WriteNumber("frames", s.DisplayFrames);
        w.WriteNumber("inputDropped", s.InputDropped);
    });

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }
}
