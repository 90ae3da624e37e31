using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Plugins;

/// <summary>
/// dlopen/dlsym/dlclose/dlerror from the C library. NativeLibrary.Load opens with RTLD_LAZY and hides dlerror's text;
/// the ABI wants <c>RTLD_NOW | RTLD_LOCAL</c> (every undefined symbol fails at load time, not mid-render) and the
/// user wants the reason. The four functions are resolved once, up front: a lazily bound P/Invoke would run the
/// runtime's own dlsym between our dlopen and dlerror and wipe the message. glibc ≥ 2.34 exports them from
/// libc.so.6, older ones from libdl.so.2. Loader thread only.
/// </summary>
internal static unsafe class DynamicLinker
{
    private const int RtldNow = 0x2;
    private const int RtldLocal = 0x0;

    private static readonly delegate* unmanaged<byte*, int, nint> s_open;
    private static readonly delegate* unmanaged<nint, byte*, nint> s_symbol;
    private static readonly delegate* unmanaged<nint, int> s_close;
    private static readonly delegate* unmanaged<byte*> s_error;

    static DynamicLinker()
    {
        nint library = NativeLibrary.Load("libc.so.6");
        if (!NativeLibrary.TryGetExport(library, "dlopen", out _)) library = NativeLibrary.Load("libdl.so.2");
        s_open = (delegate* unmanaged<byte*, int, nint>)NativeLibrary.GetExport(library, "dlopen");
        s_symbol = (delegate* unmanaged<nint, byte*, nint>)NativeLibrary.GetExport(library, "dlsym");
        s_close = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(library, "dlclose");
        s_error = (delegate* unmanaged<byte*>)NativeLibrary.GetExport(library, "dlerror");
    }

    /// <summary>Opens a library; returns 0 and the dlerror text on failure.</summary>
    public static nint Open(string path, out string? error)
    {
        nint utf8 = Marshal.StringToCoTaskMemUTF8(path);
        s_error(); // clear any stale message
        nint handle = s_open((byte*)utf8, RtldNow | RtldLocal);
        byte* text = handle == 0 ? s_error() : null;
        error = handle != 0 ? null : text is null ? "unknown dlopen error" : Marshal.PtrToStringUTF8((nint)text);
        Marshal.FreeCoTaskMem(utf8);
        return handle;
    }

    /// <summary>Address of an exported symbol, or 0.</summary>
    public static nint Symbol(nint handle, string name)
    {
        nint utf8 = Marshal.StringToCoTaskMemUTF8(name);
        nint address = s_symbol(handle, (byte*)utf8);
        Marshal.FreeCoTaskMem(utf8);
        return address;
    }

    public static void Close(nint handle) => s_close(handle);
}
