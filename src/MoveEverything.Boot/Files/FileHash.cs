using System.Security.Cryptography;

namespace MoveEverything.Boot.Files;

/// <summary>SHA-256 and size of a file, as recorded in the stock manifest. Not used by the launcher at boot (too slow for a 20 ms start).</summary>
public readonly record struct FileHash(string Sha256, long Size)
{
    public static FileHash Of(IFileSystem fs, string path)
    {
        using var stream = fs.OpenRead(path);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long size = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            size += read;
        }
        return new FileHash(Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }

    public static FileHash? TryOf(IFileSystem fs, string path) => fs.FileExists(path) ? Of(fs, path) : null;

    public override string ToString() => $"sha256 {Sha256}, {Size} bytes";
}
