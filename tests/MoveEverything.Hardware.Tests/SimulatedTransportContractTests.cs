using MoveEverything.Hardware;
using MoveEverything.Hardware.Simulated;

namespace MoveEverything.Hardware.Tests;

/// <summary>The simulated link's engine side, free-running, with a device that answers every block.</summary>
public sealed class SimulatedTransportContractTests : MailboxTransportContractTests
{
    private readonly SimulatedLink _link = SimulatedLink.Create(SimulatedLink.NewPath());
    private SimulatedDeviceEndpoint? _device;

    protected override IMailboxTransport CreateTransport()
    {
        _device = _link.CreateDeviceEndpoint();
        return _link.CreateEngineTransport(BlockClock.FreeRunning());
    }

    protected override void AfterExchange()
    {
        while (_device!.TryReceive()) _device.Send();
    }

    public override void Dispose()
    {
        _device?.Dispose();
        _link.Dispose();
    }
}
