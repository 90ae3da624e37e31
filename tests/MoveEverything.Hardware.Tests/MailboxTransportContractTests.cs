using MoveEverything.Hardware;

namespace MoveEverything.Hardware.Tests;

/// <summary>
/// What every <see cref="IMailboxTransport"/> promises the engine: a writable 4096-byte page, an Exchange that
/// never throws and never allocates on the block thread, and an idempotent Dispose.
/// </summary>
public abstract unsafe class MailboxTransportContractTests : IDisposable
{
    protected abstract IMailboxTransport CreateTransport();

    /// <summary>Called after each exchange so a device side (if any) can answer.</summary>
    protected virtual void AfterExchange()
    {
    }

    public virtual void Dispose()
    {
    }

    [Fact]
    public void The_page_is_4096_writable_bytes()
    {
        using var transport = CreateTransport();
        var page = new Span<byte>(transport.Page, MailboxLayout.PageSize);
        page.Fill(0x5A);
        Assert.Equal(0x5A, page[0]);
        Assert.Equal(0x5A, page[4095]);
    }

    [Fact]
    public void Exchange_never_throws_and_allocates_nothing_after_warm_up()
    {
        using var transport = CreateTransport();
        var mailbox = new Mailbox(transport.Page);
        for (int i = 0; i < 50; i++) Step(transport, mailbox, i);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Step(transport, mailbox, i);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(before, after);
    }

    [Fact]
    public void Dispose_twice_is_harmless()
    {
        var transport = CreateTransport();
        transport.Dispose();
        transport.Dispose();
    }

    private void Step(IMailboxTransport transport, Mailbox mailbox, int i)
    {
        mailbox.AudioOut[0] = (short)i;
        transport.Exchange();
        _ = transport.Fault.Kind;
        AfterExchange();
    }
}
