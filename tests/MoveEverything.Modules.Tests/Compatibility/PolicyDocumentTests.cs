using System.Reflection;
using System.Text.RegularExpressions;
using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Tests.Support;

namespace MoveEverything.Modules.Tests.Compatibility;

/// <summary>docs/COMPATIBILITY.md and the code agree: every rule id has a test, every reason code is documented.</summary>
public partial class PolicyDocumentTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "docs", "COMPATIBILITY.md"));

    [GeneratedRegex(@"\*\*([A-Z]\d)\.|^\| ([A-Z]\d) \|", RegexOptions.Multiline)]
    private static partial Regex RuleId();

    [Fact]
    public void Every_rule_in_the_document_has_a_test_named_after_it()
    {
        var rules = RuleId().Matches(Doc).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Distinct().ToList();
        Assert.True(rules.Count >= 15, $"found only {rules.Count} rule ids");
        var tests = typeof(PolicyDocumentTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute))
            .Select(m => m.Name).ToList();
        var untested = rules.Where(r => !tests.Any(t => t.StartsWith(r + "_", StringComparison.Ordinal))).ToList();
        Assert.True(untested.Count == 0, "rules without a test: " + string.Join(", ", untested));
    }

    [Fact]
    public void Every_refusal_and_warning_code_is_documented()
    {
        var missing = Enum.GetValues<CompatibilityReason>()
            .Select(CompatibilityReasons.CodeOf)
            .Where(code => !Doc.Contains($"`{code}`", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "undocumented reason codes: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_documented_host_version_and_window_are_the_code_s()
    {
        Assert.Contains($"**{HostIdentity.CurrentVersionText}**", Doc);
        Assert.Contains($"**{HostIdentity.CurrentHostApiVersion}**", Doc);
        Assert.Contains($"`CompatibilityPolicy.SupportWindowMinors` = {CompatibilityPolicy.Current.SupportWindowMinors}", Doc);
    }
}
