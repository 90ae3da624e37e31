using FsCheck;
using FsCheck.Fluent;
using MoveEverything.Hardware;

namespace MoveEverything.Hardware.Tests;

/// <summary>A random packed display frame (exactly 1024 bytes).</summary>
public sealed record FrameBytes(byte[] Bytes);

/// <summary>A random 128 × 64 pixel buffer of 0 / 1 bytes.</summary>
public sealed record Pixels(byte[] Bytes);

/// <summary>FsCheck generators for the codec properties.</summary>
public static class Generators
{
    private static Gen<byte> AnyByte => Gen.Choose(0, 255).Select(i => (byte)i);

    public static Arbitrary<FrameBytes> Frames() =>
        Arb.From(Gen.ArrayOf(AnyByte, MailboxLayout.DisplayFrameBytes).Select(b => new FrameBytes(b)));

    public static Arbitrary<Pixels> PixelBuffers() =>
        Arb.From(Gen.ArrayOf(Gen.Choose(0, 1).Select(i => (byte)i), DisplayFrame.PixelCount).Select(b => new Pixels(b)));

    public static Arbitrary<UsbMidiPacket> Packets() =>
        Arb.From(Gen.Zip(Gen.Zip(Gen.Choose(1, 255), Gen.Choose(0, 255)), Gen.Zip(Gen.Choose(0, 127), Gen.Choose(0, 127)))
            .Select(t => new UsbMidiPacket((byte)t.Item1.Item1, (byte)t.Item1.Item2, (byte)t.Item2.Item1, (byte)t.Item2.Item2)));
}
