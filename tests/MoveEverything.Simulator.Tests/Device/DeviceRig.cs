using MoveEverything.Hardware;
using MoveEverything.Hardware.Simulated;
using MoveEverything.Simulator.Device;

namespace MoveEverything.Simulator.Tests.Device;

/// <summary>A link, a simulated Move on its device side and a free-running engine transport, in one process.</summary>
internal sealed unsafe class DeviceRig : IDisposable
{
    public DeviceRig(SimulatedMoveOptions? options = null, BlockClock? clock = null)
    {
        Endpoint = SimulatedDeviceEndpoint.CreateLink(SimulatedLink.NewPath());
        Move = new SimulatedMove(Endpoint, options);
        if (!SimulatedMailboxTransport.TryAttach(Endpoint.LinkPath, clock ?? BlockClock.FreeRunning(), out var transport, out var fault))
            throw new InvalidOperationException(fault.Reason);
        Transport = transport!;
    }

    public SimulatedDeviceEndpoint Endpoint { get; }
    public SimulatedMove Move { get; }
    public SimulatedMailboxTransport Transport { get; }
    public Mailbox Engine => new(Transport.Page);

    /// <summary>Engine exchange, device pump, engine exchange: returns the MIDI IN the engine then sees.</summary>
    public List<MidiInEvent> RoundTrip()
    {
        Transport.Exchange();
        Move.Pump();
        Transport.Exchange();
        Move.Pump();
        var events = new List<MidiInEvent>();
        foreach (var e in Engine.MidiIn) events.Add(e);
        return events;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; false after the (generous) deadline.</summary>
    public static bool WaitFor(Func<bool> condition, int seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (condition()) return true;
            Thread.Sleep(5);
        }
        return condition();
    }

    public void Dispose()
    {
        Move.Dispose();
        Transport.Dispose();
        Endpoint.Dispose();
    }
}
