using MoveEverything.Storage;

namespace MoveEverything.Health.Tests.Persistence;

public sealed class FileLockTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void A_second_holder_waits_and_gives_up_while_the_first_holds_it_then_gets_it()
    {
        var path = _dir.File("x.lock");
        using (var first = FileLock.TryAcquire(path, TimeSpan.Zero))
        {
            Assert.NotNull(first);
            Assert.Null(FileLock.TryAcquire(path, TimeSpan.FromMilliseconds(20)));
        }
        using var again = FileLock.TryAcquire(path, TimeSpan.Zero);
        Assert.NotNull(again);
    }

    public void Dispose() => _dir.Dispose();
}
