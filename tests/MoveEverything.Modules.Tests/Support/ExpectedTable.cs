namespace MoveEverything.Modules.Tests.Support;

/// <summary>
/// Compares generated rows with a committed TSV file. Set MEV_UPDATE_EXPECTED=1 to rewrite the file
/// (then review the diff by eye before committing: a changed row is a behaviour change).
/// </summary>
internal static class ExpectedTable
{
    public static void Check(string relativeFile, string header, IEnumerable<string> rows)
    {
        var path = Path.Combine(RepoPaths.TestProject, relativeFile);
        var actual = new[] { header }.Concat(rows).ToList();
        if (Environment.GetEnvironmentVariable("MEV_UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(path, string.Join('\n', actual) + "\n");
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the test once with MEV_UPDATE_EXPECTED=1 and review it");
        var expected = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{relativeFile} differs.\nexpected but not produced:\n  {string.Join("\n  ", missing)}\nproduced but not expected:\n  {string.Join("\n  ", extra)}");
        Assert.Equal(expected, actual);
    }
}
