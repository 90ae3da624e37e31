using Jint.Native;
using Microsoft.Extensions.Logging;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.HostApi;

/// <summary>
/// File functions confined to the module's own data folder (read and write) and its install folder (read
/// only). Relative paths are relative to the data folder. A refused path (see <see cref="PathSandbox"/>) is
/// logged with the reason and the call returns null/false, as the original's validate_path refusals do, so
/// a module that handles a failed read keeps running.
/// </summary>
public sealed class FileApi(PathSandbox dataFolder, PathSandbox moduleFolder, int maxReadBytes, ILogger log) : IHostApi
{
    /// <summary>The last refusal, for tests and the log.</summary>
    public string? LastRefusal { get; private set; }

    public void Install(HostScope scope)
    {
        scope.Define("host_file_exists", 1, a => Bool(Readable(HostScope.Str(a, 0), "host_file_exists") is { } p && (File.Exists(p) || Directory.Exists(p))));
        scope.Define("host_is_dir", 1, a => Bool(Readable(HostScope.Str(a, 0), "host_is_dir") is { } p && Directory.Exists(p)));
        scope.Define("host_read_file", 1, a => Read(HostScope.Str(a, 0), base64: false));
        scope.Define("host_read_file_base64", 1, a => Read(HostScope.Str(a, 0), base64: true));
        scope.Define("host_write_file", 2, a => Write(HostScope.Str(a, 0), HostScope.Str(a, 1)));
        scope.Define("host_ensure_dir", 1, a => EnsureDir(HostScope.Str(a, 0)));
        scope.Define("host_remove_file", 1, a => Remove(HostScope.Str(a, 0)));
        scope.Define("host_list_dir", 1, a => List(scope, HostScope.Str(a, 0)));
    }

    private static JsValue Bool(bool b) => b ? JsBoolean.True : JsBoolean.False;

    private JsValue Read(string path, bool base64)
    {
        var full = Readable(path, base64 ? "host_read_file_base64" : "host_read_file");
        if (full is null || !File.Exists(full)) return JsValue.Null;
        var info = new FileInfo(full);
        if (info.Length > maxReadBytes) return Refuse("host_read_file", path, $"file is {info.Length} bytes, over the {maxReadBytes}-byte limit");
        var bytes = File.ReadAllBytes(full);
        return new JsString(base64 ? Convert.ToBase64String(bytes) : System.Text.Encoding.UTF8.GetString(bytes));
    }

    private JsValue Write(string path, string content)
    {
        var full = Writable(path, "host_write_file");
        if (full is null) return JsBoolean.False;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            return JsBoolean.True;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refuse("host_write_file", path, ex.Message);
        }
    }

    private JsValue EnsureDir(string path)
    {
        var full = Writable(path, "host_ensure_dir");
        if (full is null) return JsBoolean.False;
        try { Directory.CreateDirectory(full); return JsBoolean.True; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return Refuse("host_ensure_dir", path, ex.Message); }
    }

    private JsValue Remove(string path)
    {
        var full = Writable(path, "host_remove_file");
        if (full is null || !File.Exists(full)) return JsBoolean.False;
        File.Delete(full);
        return JsBoolean.True;
    }

    private JsValue List(HostScope scope, string path)
    {
        var full = Readable(path, "host_list_dir");
        if (full is null || !Directory.Exists(full)) return JsValue.Null;
        var names = Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).Order()
            .Select(n => (JsValue)new JsString(n!)).ToArray();
        return new JsArray(scope.Engine, names);
    }

    private string? Writable(string path, string function)
    {
        var full = dataFolder.Resolve(path, out var refusal);
        if (full is null) Refuse(function, path, refusal!);
        return full;
    }

    private string? Readable(string path, string function)
    {
        var full = dataFolder.Resolve(path, out var refusal);
        if (full is not null) return full;
        if (Path.IsPathRooted(path) && moduleFolder.Resolve(path, out _) is { } inModule) return inModule;
        Refuse(function, path, refusal!);
        return null;
    }

    private JsValue Refuse(string function, string path, string reason)
    {
        LastRefusal = $"{function}('{path}') refused: {reason}";
        log.LogWarning("{Refusal}", LastRefusal);
        return function is "host_read_file" or "host_read_file_base64" or "host_list_dir" ? JsValue.Null : JsBoolean.False;
    }
}
