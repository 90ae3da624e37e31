using System.Runtime.InteropServices;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;
using MoveEverything.Hardware;

namespace MoveEverything.Engine.Tests.Isolation;

/// <summary>
/// Invariant: an isolated module loaded with the mailbox grant sees a mirror of the engine's page (refreshed every
/// block), one without it sees NULL, and nothing a worker writes into its mirror reaches the engine's page.
/// The probe renders DC 0 for NULL, 4096 for an all-zero page, 8192 for a page with data.
/// </summary>
public sealed unsafe class IsolatedMailboxTests
{
    private const byte Pattern = 0x5A;

    [Fact]
    public void Granted_worker_reads_the_engine_page_and_its_writes_never_reach_it()
    {
        byte* page = (byte*)NativeMemory.AlignedAlloc(MailboxLayout.PageSize, 64);
        try
        {
            new Span<byte>(page, MailboxLayout.PageSize).Fill(Pattern);
            using var rig = new IsolationRig(mailbox: (nint)page);
            var granted = rig.Isolate("probe-granted", NativeArtifacts.Plugin("mev_mailbox_probe"), 0, grantMailbox: true);
            var denied = rig.Isolate("probe-denied", NativeArtifacts.Plugin("mev_mailbox_probe"), 1);
            rig.Play(0, granted.Plugin);
            rig.Play(1, denied.Plugin);
            rig.Run(2000, until: () => granted.AnsweredBlocks > 50 && denied.AnsweredBlocks > 50 && rig.Rack.GetSlotPeak(0) > 0.2f);
            Assert.InRange(rig.Rack.GetSlotPeak(0), 0.2f, 0.3f); // 8192: the mirror holds the engine's data
            Assert.Equal(0f, rig.Rack.GetSlotPeak(1));            // NULL without the grant

            Assert.True(ParamMessage.TryCreate(0, "synth:scribble", "1", out var scribble));
            Assert.True(rig.Rack.ApplyParam(scribble));           // the worker now zeroes its page after every render
            long answered = granted.AnsweredBlocks;
            rig.Run(2000, until: () => granted.AnsweredBlocks > answered + 50);
            Assert.True(granted.AnsweredBlocks > answered + 50, "the granted worker stopped answering");
            Assert.InRange(rig.Rack.GetSlotPeak(0), 0.2f, 0.3f); // refreshed from the engine's page every block
            for (int i = 0; i < MailboxLayout.PageSize; i++) Assert.Equal(Pattern, page[i]);
        }
        finally { NativeMemory.AlignedFree(page); }
    }
}
