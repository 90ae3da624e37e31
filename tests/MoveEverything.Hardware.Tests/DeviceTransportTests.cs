using MoveEverything.Hardware;

namespace MoveEverything.Hardware.Tests;

/// <summary>The device transport against a plain file: open and mmap work, the ioctl fails with ENOTTY.</summary>
public sealed unsafe class DeviceTransportTests : MailboxTransportContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mev-ablspi-{Guid.NewGuid():N}");

    public DeviceTransportTests() => File.WriteAllBytes(_path, new byte[MailboxLayout.PageSize]);

    public override void Dispose() => File.Delete(_path);

    protected override IMailboxTransport CreateTransport()
    {
        Assert.True(DeviceTransport.TryOpen(_path, out var transport, out var fault), fault.Reason);
        return transport!;
    }

    [Fact]
    public void A_missing_device_is_a_typed_open_failure_naming_the_path()
    {
        string missing = _path + ".missing";
        Assert.False(DeviceTransport.TryOpen(missing, out var transport, out var fault));
        Assert.Null(transport);
        Assert.Equal(TransportFaultKind.OpenFailed, fault.Kind);
        Assert.Equal(2, fault.Errno); // ENOENT
        Assert.Contains(missing, fault.Reason);
    }

    [Fact]
    public void The_page_is_mapped_shared_with_the_file()
    {
        File.WriteAllBytes(_path, Enumerable.Range(0, 4096).Select(i => (byte)(i % 251)).ToArray());
        Assert.True(DeviceTransport.TryOpen(_path, out var transport, out _));
        using (transport)
        {
            var mailbox = new Mailbox(transport!.Page);
            Assert.Equal(2048 % 251, mailbox.RxHalf[0]);
            mailbox.AudioOut[0] = 0x0102; // bytes 256, 257
        }
        var bytes = File.ReadAllBytes(_path);
        Assert.Equal(new byte[] { 0x02, 0x01 }, bytes[256..258]);
    }

    [Fact]
    public void Exchange_on_a_plain_file_fails_with_ENOTTY_as_a_typed_fault_and_does_not_throw()
    {
        Assert.True(DeviceTransport.TryOpen(_path, out var transport, out _));
        using (transport)
        {
            transport!.Exchange();

            Assert.Equal(TransportFaultKind.ExchangeFailed, transport.Fault.Kind);
            Assert.Equal(25, transport.Fault.Errno);
            Assert.Equal(1, transport.FailedExchanges);
            Assert.Equal(0, transport.Exchanges);
            Assert.Contains("ioctl 10", transport.Fault.Reason);
            Assert.Contains("errno 25", transport.Fault.Reason);
            Assert.Equal(transport.Fault, ((IMailboxTransport)transport).Fault);
        }
    }
}
