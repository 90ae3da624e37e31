using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Plugins;

/// <summary>
/// dlopen/dlsym/dlclose/dlerror from the C library. NativeLibrary.Load opens with RTLD_LAZY and hides dlerror's text;
/// the ABI wants <c>RTLD_NOW | RTLD_LOCAL</c> (every undefined symbol fails at load time, not mid-render) and the
/// user wants the reason. glibc ≥ 2.34 exports these from libc.so.6; older ones from libdl.so.2.
/// Loader thread only.
/// </summary>
internal static unsafe partial class DynamicLinker
{
    private const int RtldNow = 0x2;
    private const int RtldLocal = 0x0;

    /// <summary>Opens a library; returns 0 and the dlerror text on failure.</summary>
    public static nint Open(string path, out string? error)
    {
        nint handle;
        try { handle = LibC.dlopen(path, RtldNow | RtldLocal); }
        catch (EntryPointNotFoundException) { handle = LibDl.dlopen(path, RtldNow | RtldLocal); }
        error = handle == 0 ? LastError() : null;
        return handle;
    }

    /// <summary>Address of an exported symbol, or 0.</summary>
    public static nint Symbol(nint handle, string name)
    {
        try { return LibC.dlsym(handle, name); }
        catch (EntryPointNotFoundException) { return LibDl.dlsym(handle, name); }
    }

    public static void Close(nint handle)
    {
        try { LibC.dlclose(handle); }
        catch (EntryPointNotFoundException) { LibDl.dlclose(handle); }
    }

    private static string LastError()
    {
        nint text;
        try { text = LibC.dlerror(); }
        catch (EntryPointNotFoundException) { text = LibDl.dlerror(); }
        return text == 0 ? "unknown dlopen error" : Marshal.PtrToStringUTF8(text) ?? "unknown dlopen error";
    }

    private static partial class LibC
    {
        [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)] internal static partial nint dlopen(string path, int flags);
        [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)] internal static partial nint dlsym(nint handle, string name);
        [LibraryImport("libc.so.6")] internal static partial int dlclose(nint handle);
        [LibraryImport("libc.so.6")] internal static partial nint dlerror();
    }

    private static partial class LibDl
    {
        [LibraryImport("libdl.so.2", StringMarshalling = StringMarshalling.Utf8)] internal static partial nint dlopen(string path, int flags);
        [LibraryImport("libdl.so.2", StringMarshalling = StringMarshalling.Utf8)] internal static partial nint dlsym(nint handle, string name);
        [LibraryImport("libdl.so.2")] internal static partial int dlclose(nint handle);
        [LibraryImport("libdl.so.2")] internal static partial nint dlerror();
    }
}
