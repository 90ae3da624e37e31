namespace MoveEverything.Engine.Realtime;

/// <summary>Where a namespaced key goes and where its inner key starts (after the prefix).</summary>
public readonly record struct ParamRoute(ParamScope Scope, ChainPosition Position, int InnerKeyOffset);
