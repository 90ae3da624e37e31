using System.Runtime.InteropServices;
using System.Text;

namespace MoveEverything.Boot.Decision;

/// <summary>
/// execve(2) through P/Invoke with hand-marshalled UTF-8 arrays (blittable, so NativeAOT needs no marshalling stubs).
/// The environment is the current one plus the request's variables.
/// </summary>
public sealed unsafe class PosixExec : IExec
{
    public string? Exec(ExecRequest request)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            env[(string)entry.Key] = (string?)entry.Value ?? "";
        foreach (var (key, value) in request.Environment) env[key] = value;

        var allocations = new List<IntPtr>();
        try
        {
            byte* path = Utf8(request.Path, allocations);
            byte** argv = Array(request.Arguments, allocations);
            byte** envp = Array(env.Select(e => e.Key + "=" + e.Value).ToList(), allocations);
            execve(path, argv, envp);
            return $"execve {request.Path} failed: errno {Marshal.GetLastPInvokeError()}";
        }
        finally
        {
            foreach (var p in allocations) Marshal.FreeHGlobal(p);
        }
    }

    private static byte* Utf8(string text, List<IntPtr> allocations)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var p = (byte*)Marshal.AllocHGlobal(bytes.Length + 1);
        allocations.Add((IntPtr)p);
        bytes.CopyTo(new Span<byte>(p, bytes.Length));
        p[bytes.Length] = 0;
        return p;
    }

    private static byte** Array(IReadOnlyList<string> items, List<IntPtr> allocations)
    {
        var array = (byte**)Marshal.AllocHGlobal((items.Count + 1) * sizeof(byte*));
        allocations.Add((IntPtr)array);
        for (int i = 0; i < items.Count; i++) array[i] = Utf8(items[i], allocations);
        array[items.Count] = null;
        return array;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int execve(byte* path, byte** argv, byte** envp);
}
