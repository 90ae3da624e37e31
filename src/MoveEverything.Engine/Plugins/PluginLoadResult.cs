using System.Diagnostics.CodeAnalysis;

namespace MoveEverything.Engine.Plugins;

/// <summary>Either a loaded plugin or a typed failure; exactly one is non-null.</summary>
public readonly record struct PluginLoadResult(NativePlugin? Plugin, PluginLoadFailure? Failure)
{
    [MemberNotNullWhen(true, nameof(Plugin))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Plugin is not null;

    public static PluginLoadResult Loaded(NativePlugin plugin) => new(plugin, null);
    public static PluginLoadResult Failed(PluginLoadFailure failure) => new(null, failure);
}
