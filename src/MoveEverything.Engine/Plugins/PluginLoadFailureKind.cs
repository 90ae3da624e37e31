namespace MoveEverything.Engine.Plugins;

/// <summary>Why a native plugin could not be loaded. Each value maps to one sentence in <see cref="PluginLoadFailure.Reason"/>.</summary>
public enum PluginLoadFailureKind
{
    /// <summary>The library file does not exist.</summary>
    FileMissing,
    /// <summary>dlopen refused it (not an ELF file, wrong architecture, unresolved symbol…); Detail holds dlerror's text.</summary>
    NotLoadable,
    /// <summary>None of the entry points for its kind is exported; Detail names them.</summary>
    EntryPointMissing,
    /// <summary>The init entry point returned NULL (e.g. it rejected our host_api_v1_t).</summary>
    InitReturnedNull,
    /// <summary>The returned struct's api_version is not the one this entry point must return.</summary>
    WrongStructVersion,
    /// <summary>A required function pointer (create_instance, render_block, process_block…) is NULL; Detail names it.</summary>
    RequiredSlotMissing,
    /// <summary>create_instance returned NULL; Detail holds get_error's text when there is one.</summary>
    CreateInstanceReturnedNull,
    /// <summary>The v1 on_load returned non-zero; Found holds the code, Detail get_error's text.</summary>
    OnLoadFailed,
    /// <summary>A v1 singleton library is already running in another slot and cannot have a second instance.</summary>
    SingletonInUse,
}
