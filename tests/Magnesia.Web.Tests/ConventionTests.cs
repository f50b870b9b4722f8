using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Magnesia.Inputs;

namespace Magnesia.Web.Tests;

/// <summary>
/// The faces state no number rule of their own: every accepted range is a <see cref="NumberRange"/> in the domain, read
/// by the web's <c>[DomainRange]</c>, the pages' <c>mg-range</c> and the CLI's <c>Checks.In</c>.
/// </summary>
public sealed partial class ConventionTests
{
    private static readonly string Root = FindRoot();

    private static IReadOnlyList<(string Name, NumberRange Range)> DomainRanges() =>
    [
        .. typeof(NumberRange).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(NumberRange)))
            .Select(p => ($"{p.DeclaringType!.Name}.{p.Name}", (NumberRange)p.GetValue(null)!)),
    ];

    [Fact]
    public void TheDomainStatesTheRanges() =>
        Assert.True(DomainRanges().Count >= 20, $"only {DomainRanges().Count} ranges found by reflection");

    [Fact]
    public void NoWebRequestDeclaresARangeAttribute()
    {
        var offenders = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.GetCustomAttribute<RangeAttribute>() is not null)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void NoPageWritesANumericBound()
    {
        // min="0" alone (a non-negative amount with no upper bound) is a shape, not a range the domain holds.
        var offenders = Directory.EnumerateFiles(Path.Combine(Root, "src", "Magnesia.Web"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Bound().Matches(x.line).Any(m => !(m.Groups["which"].Value == "min" && m.Groups["n"].Value == "0")))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void NoCliCommandRestatesADomainRange()
    {
        // A face that wrote "between 40 and 250" or Positive(…, 1_000) by hand would hold a second copy of a domain rule.
        var bounds = DomainRanges().Where(r => r.Range.Max > 1).Select(r => r.Range.Max).ToHashSet();
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src", "Magnesia.Cli"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            foreach (var (line, i) in File.ReadLines(file).Select((l, i) => (l, i)))
            {
                foreach (Match m in HandCheck().Matches(line))
                {
                    if (double.TryParse(m.Groups["max"].Value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var max) && bounds.Contains(max))
                        offenders.Add($"{Path.GetFileName(file)}:{i + 1}: {m.Value}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void NoFaceComparesWithADomainBound()
    {
        // "mg > 100_000" or "n is < 1 or > 100" in a face is a second copy of a domain range (the CLI's evidence check
        // once said 10,000 where the API said 100,000); comments aside, no face compares a value with a domain maximum.
        var bounds = DomainRanges().Where(r => r.Range.Max > 1).Select(r => r.Range.Max).ToHashSet();
        var offenders = new List<string>();
        foreach (var face in new[] { "Magnesia.Cli", "Magnesia.Web" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src", face), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
            {
                foreach (var (line, i) in File.ReadLines(file).Select((l, i) => (l.Split("//")[0], i)))
                {
                    foreach (Match m in Comparison().Matches(line))
                    {
                        if (double.TryParse(m.Groups["n"].Value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && bounds.Contains(n))
                            offenders.Add($"{Path.GetFileName(file)}:{i + 1}: {m.Value}");
                    }
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void TheRangeAttributeReadsTheDomainsWords()
    {
        var attribute = new Magnesia.Web.Infrastructure.DomainRangeAttribute(typeof(Magnesia.Intake.EntryLimits), nameof(Magnesia.Intake.EntryLimits.GramsRange));
        var result = attribute.GetValidationResult(0.0, new ValidationContext(new object()) { MemberName = "Grams" });
        Assert.Equal("grams must be between 0.1 and 5000 g, not 0.", result?.ErrorMessage);
        Assert.Null(attribute.GetValidationResult(5000.0, new ValidationContext(new object()) { MemberName = "Grams" }));
    }

    [GeneratedRegex("""[<>]=?\s*(?<n>[0-9][0-9_]*(?:\.[0-9]+)?)\b""")]
    private static partial Regex Comparison();

    [GeneratedRegex("\\b(?<which>min|max)=\"(?<n>-?[0-9][0-9.]*)\"")]
    private static partial Regex Bound();

    [GeneratedRegex("""(?:Positive|NonNegative)\([^;]*?,\s*"--[a-z-]+",\s*(?<max>[0-9_.]+)\)""")]
    private static partial Regex HandCheck();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Magnesia.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("the repository root (Magnesia.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
