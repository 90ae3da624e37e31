namespace MoveEverything.Boot.Decision;

/// <summary>The program the launcher replaces itself with, its argv (argv[0] included) and extra environment variables.</summary>
public sealed record ExecRequest(string Path, IReadOnlyList<string> Arguments, IReadOnlyList<KeyValuePair<string, string>> Environment);
