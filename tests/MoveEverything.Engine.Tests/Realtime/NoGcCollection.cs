namespace MoveEverything.Engine.Tests.Realtime;

/// <summary>Tests that read process-wide GC counters run alone, so other tests' garbage cannot move the counters.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NoGcCollection
{
    public const string Name = "no-gc (runs alone)";
}
