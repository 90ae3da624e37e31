namespace MoveEverything.Engine.Tests.Supervision;

/// <summary>
/// Tests that run supervised engines with warm standbys. Each standby burns CPU while it warms up; on a shared
/// 2-core machine that, in parallel with the timing-sensitive isolated fault matrix, made a worker's crash take longer
/// than the 100 ms hang timeout to be seen. So these tests run on their own, not in parallel with other classes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SupervisedEngineCollection
{
    public const string Name = "supervised engines";
}
