using MoveEverything.Modules.Elf;
using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Compatibility;

/// <summary>What is on disk for a module's native library, read without loading it.</summary>
/// <param name="Path">Full path of the library the host would load.</param>
/// <param name="Declared">The manifest names <c>dsp</c> explicitly.</param>
/// <param name="Exists">A file is there.</param>
/// <param name="Elf">What the ELF reader found; null when the file does not exist.</param>
public sealed record NativeLibraryProbe(string Path, bool Declared, bool Exists, ElfReadResult? Elf)
{
    /// <summary>
    /// Probes <c>&lt;folder&gt;/&lt;dsp&gt;</c>. Null when the module has no native code: no
    /// <c>dsp</c> declared and no dsp.so present (a JS-only module).
    /// </summary>
    public static NativeLibraryProbe? ForModule(Manifest manifest, string folder)
    {
        if (!ModuleIds.IsSafeRelativePath(manifest.Dsp)) return null; // refused by the manifest check already
        var path = System.IO.Path.Combine(folder, manifest.Dsp);
        var exists = File.Exists(path);
        if (!exists && !manifest.DspDeclared && !NeedsDsp(manifest.Kind)) return null;
        return new NativeLibraryProbe(path, manifest.DspDeclared, exists, exists ? ElfReader.Read(path) : null);
    }

    /// <summary>Chain kinds cannot work without a DSP, declared or not.</summary>
    public static bool NeedsDsp(ComponentKind kind) =>
        kind is ComponentKind.SoundGenerator or ComponentKind.AudioFx or ComponentKind.MidiFx;
}
