using MoveEverything.Modules.Tests.Support;

namespace MoveEverything.Modules.Tests.Elf;

/// <summary>Test libraries compiled once per test class: a plugin-like .so and an object file.</summary>
public sealed class PluginLibraries : IDisposable
{
    public const string Source = """
        #include <stdint.h>
        static int helper(int x) { return x * 2; }
        __attribute__((visibility("hidden"))) int hidden_function(int x) { return helper(x); }
        int exported_counter = 3;
        void *move_plugin_init_v2(const void *host) { (void)host; return (void *)(intptr_t)hidden_function(exported_counter); }
        void *move_audio_fx_init_v2(const void *host) { (void)host; return 0; }
        __attribute__((weak)) int weak_export(void) { return 1; }
        """;

    private readonly TempDir _dir = new();

    public PluginLibraries()
    {
        SharedLibrary = _dir.PathOf("dsp.so");
        NativeCompiler.Compile(Source, SharedLibrary);
        SysvHashLibrary = _dir.PathOf("dsp-sysv.so");
        NativeCompiler.Compile(Source, SysvHashLibrary, "-shared -fPIC -O1 -Wl,--hash-style=sysv");
        ObjectFile = _dir.PathOf("plugin.o");
        NativeCompiler.Compile(Source, ObjectFile, "-c -fPIC");
    }

    public string SharedLibrary { get; }
    /// <summary>Same library linked with only DT_HASH (no DT_GNU_HASH).</summary>
    public string SysvHashLibrary { get; }
    public string ObjectFile { get; }
    public string Dir => _dir.Root;

    public void Dispose() => _dir.Dispose();
}
