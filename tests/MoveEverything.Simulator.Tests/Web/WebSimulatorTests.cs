using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using MoveEverything.Simulator.Tests.Device;
using MoveEverything.Simulator.Web;

namespace MoveEverything.Simulator.Tests.Web;

/// <summary>The web simulator's HTTP and WebSocket surface, without a browser.</summary>
public sealed class WebSimulatorTests : IAsyncLifetime
{
    private readonly DeviceRig _rig = new();
    private RunningWebSimulator? _web;

    public async Task InitializeAsync() =>
        _web = await WebSimulator.StartAsync(_rig.Move, new WebSimulatorOptions { Port = 0 });

    public async Task DisposeAsync()
    {
        if (_web != null) await _web.DisposeAsync();
        _rig.Dispose();
    }

    [Fact]
    public async Task Serves_the_page_on_loopback_with_a_bound_port()
    {
        Assert.Equal("127.0.0.1", _web!.Url.Host);
        Assert.NotEqual(0, _web.Url.Port);
        using var http = new HttpClient();
        var response = await http.GetAsync(_web.Url);
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<canvas id=\"display\"", html);
    }

    [Fact]
    public async Task The_socket_greets_with_palette_and_buttons_and_applies_input()
    {
        using var socket = await ConnectAsync();
        using var hello = JsonDocument.Parse(await ReceiveTextAsync(socket, "hello"));
        Assert.Equal(128, hello.RootElement.GetProperty("palette").GetArrayLength());
        Assert.Equal(20, hello.RootElement.GetProperty("buttons").GetArrayLength());

        await SendAsync(socket, """{"t":"pad","i":3,"v":77}""");
        await SendAsync(socket, """{"t":"turn","c":9,"d":-2}""");

        Assert.True(DeviceRig.WaitFor(() => _rig.Move.PendingInput == 2), "input never reached the simulated Move");
        var events = _rig.RoundTrip();
        Assert.Equal([Hardware.UsbMidiPacket.NoteOn(71, 77), Hardware.UsbMidiPacket.ControlChange(14, 126)], events.Select(e => e.Packet));
        Assert.Equal(2, _web!.Stats.InputAccepted);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"t":"pad","i":32}""")]
    [InlineData("""{"t":"launch-missiles"}""")]
    [InlineData("""{"t":"btn","cc":49}""")]
    [InlineData("""[1,2,3]""")]
    public async Task Bad_input_is_rejected_with_a_reason_and_the_session_survives(string message)
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, message);
        await SendAsync(socket, """{"t":"btn","cc":49,"on":true}""");

        Assert.True(DeviceRig.WaitFor(() => _web!.Stats.InputAccepted == 1), "the good message after the bad one was not applied");
        Assert.Equal(1, _web!.Stats.InputRejected);
        Assert.False(string.IsNullOrWhiteSpace(_web.Stats.LastRejection));
        Assert.Equal(1, _rig.Move.PendingInput);
    }

    [Fact]
    public async Task Led_display_and_audio_reach_the_socket()
    {
        var engine = new FakeEngine(_rig.Transport);
        using var socket = await ConnectAsync();
        await ReceiveTextAsync(socket, "hello");
        _rig.Move.PressPad(0);
        for (int i = 0; i < 20; i++) { engine.Step(); _rig.Move.Pump(); }

        var seen = new HashSet<string>();
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!(seen.Contains("leds-lit") && seen.Contains("display") && seen.Contains("audio")))
        {
            var (type, length) = await ReceiveAsync(socket, buffer, timeout.Token);
            if (type == WebSocketMessageType.Text)
            {
                using var doc = JsonDocument.Parse(buffer.AsMemory(0, length));
                if (doc.RootElement.GetProperty("t").GetString() == "leds" && doc.RootElement.GetProperty("notes")[68].GetInt32() == FakeEngine.LitColour)
                    seen.Add("leds-lit");
            }
            else if (buffer[0] == 1 && length == 4 + 1024) seen.Add("display");
            else if (buffer[0] == 2 && (length - 4) % 512 == 0 && length > 4) seen.Add("audio");
        }
    }

    [Fact]
    public async Task A_socket_from_a_foreign_origin_is_refused()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://evil.example");
        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri($"ws://127.0.0.1:{_web!.Url.Port}/ws"), CancellationToken.None));

        using var own = new ClientWebSocket();
        own.Options.SetRequestHeader("Origin", $"http://127.0.0.1:{_web.Url.Port}");
        await own.ConnectAsync(new Uri($"ws://127.0.0.1:{_web.Url.Port}/ws"), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, own.State);
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{_web!.Url.Port}/ws"), CancellationToken.None);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket, string type)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var (kind, length) = await ReceiveAsync(socket, buffer, timeout.Token);
            if (kind != WebSocketMessageType.Text) continue;
            string text = Encoding.UTF8.GetString(buffer, 0, length);
            if (text.Contains($"\"t\":\"{type}\"")) return text;
        }
    }

    private static async Task<(WebSocketMessageType, int)> ReceiveAsync(ClientWebSocket socket, byte[] buffer, CancellationToken ct)
    {
        int length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
            length += result.Count;
        }
        while (!result.EndOfMessage);
        return (result.MessageType, length);
    }
}
