using System.Globalization;
using Magnesia.Foods;

namespace Magnesia.Tests.Foods;

public sealed class FoodSentenceTests
{
    private static FoodSentence Parse(string text)
    {
        var ranked = Sr28.Catalog.Search(text, 5);
        return FoodSentence.Read(FoodQuery.Read(text), [.. ranked.Select(m => new NamedFood(m.Food.Id, m.Food.Name))], ranked.Count > 0 ? ranked[0].Food.Portions : []);
    }

    private static double Grams(string ndb, string text)
    {
        var food = Sr28.Catalog.Find(ndb)!;
        return FoodSentence.Weigh(FoodQuery.Read(text), food.Name, food.Portions, out var problem)?.Grams ?? throw new InvalidOperationException(problem);
    }

    // Issue 13's target: the food and the grams (± 1 %) right in ≥ 95 % of the sentences. Expected grams follow from
    // SR28's household measures (every WEIGHT.txt measure since issue 22), worked out in the file.
    [Fact]
    public void Read_GetsTheFoodAndTheGramsOfTheSentences()
    {
        var (rows, wrong) = Score("FoodParseSentences.tsv");
        Assert.True(rows >= 60, $"{rows} sentences");
        Assert.True(rows - wrong.Count >= 0.95 * rows, string.Join("; ", wrong));
    }

    // Issue 22's own set (FoodLogSentences.tsv, written and scored before any change for the issue): the measure named,
    // the item a bare count means, the cooked form, a drink's fluid ounces. First score 2026-12-07, before any change: 22 of 41; with every WEIGHT.txt measure, the usual item for a bare count, the measure whose modifier was typed and a drink's fluid ounces: 28 of 41 ; with the cooked-form rule (word-classes.tsv): 37 of 41 (left: cooked pasta picks whole-wheat, broccoli picks frozen, a dark chocolate bar picks a candy bar).
    // The floor is the score reached so far; it only rises.
    [Fact]
    public void Read_LogsWhatPeopleMean_TheFormTheyEatAndTheMeasureTheyName()
    {
        var (rows, wrong) = Score("FoodLogSentences.tsv");
        Assert.True(rows >= 40, $"{rows} sentences");
        TestContext.Current.SendDiagnosticMessage($"{rows - wrong.Count}/{rows}: " + string.Join("; ", wrong));
        Assert.True(rows - wrong.Count >= LogSentencesFloor, $"{rows - wrong.Count}/{rows} right; wrong: " + string.Join("; ", wrong));
    }

    private const int LogSentencesFloor = 37;

    /// <summary>The sentences of a set and the ones read wrong (food not accepted, or grams off by more than 1 %).</summary>
    private static (int Rows, List<string> Wrong) Score(string file)
    {
        var rows = File.ReadLines(Sr28.Path(file)).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var wrong = new List<string>();
        foreach (var r in rows)
        {
            var accepted = r[1].Split(',').Select(a => a.Split('=')).ToDictionary(a => a[0], a => double.Parse(a[1], CultureInfo.InvariantCulture));
            var s = Parse(r[0]);
            if (s.Food is not { } food || !accepted.TryGetValue(food.Id, out var want) || s.Amount is not { } amount || Math.Abs(amount.Grams - want) > 0.01 * want)
                wrong.Add($"{r[0]} → {s.Food?.Id} {s.Amount?.Grams} ({s.Problem})");
        }

        return (rows.Count, wrong);
    }

    // SR28 WEIGHT.txt (every household measure): 18069 "1 slice" = 29 g; 11457 "1 cup" = 30 g; 14209 "1 fl oz" = 29.6 g
    // and "1 cup (8 fl oz)" = 237 g; 14148 "1 can, or bottle (12 fl oz)" = 370 g; 01077 "1 cup" = 244 g; 09040 seq 5
    // "1 medium" = 118 g; 01123 seq 1 "1 large" = 50 g; 15121 seq 3 "1 can" = 165 g; 11124 seq 4 "1 large" = 72 g;
    // 01116 seq 4 "1 cup (8 fl oz)" = 245 g (150 ml × 245 / 236.5882 = 155.33 g).
    [Theory]
    [InlineData("18069", "2 slices", 58.0)]                 // a unit the food has a portion for
    [InlineData("11457", "2 cups", 60.0)]
    [InlineData("11457", "100 g", 100.0)]                  // mass units convert
    [InlineData("11457", "4 oz", 113.398)]
    [InlineData("11457", "1 lb", 453.592)]
    [InlineData("14209", "250 ml", 250.224)]             // ml through the density of "1 fl oz": 29.6 / 29.5735 g/ml
    [InlineData("14209", "a cup", 237.0)]                // the food's own cup measure
    [InlineData("14209", "2 tbsp", 29.6)]                // a volume the food has no portion for, through the density of "1 fl oz"
    [InlineData("15121", "a can", 165.0)]                // tuna's own can
    [InlineData("11124", "2 large", 144.0)]
    [InlineData("01116", "150 ml", 155.33)]              // through the density of "1 cup (8 fl oz)"
    [InlineData("14148", "a can", 370.0)]
    [InlineData("14148", "a bottle", 370.0)]               // "1 can, or bottle (12 fl oz)" names the bottle too
    [InlineData("01077", "a glass", 244.0)]                // a glass is read as the food's cup
    [InlineData("01077", "a pint", 488.0)]                 // 16 fl oz = 2 cups
    [InlineData("09040", "a", 118.0)]                      // a bare count: the medium item when the food has no "1 …" item
    [InlineData("09040", "2 large", 272.0)]                // WEIGHT.txt seq 6 "1 large" = 136 g
    [InlineData("01123", "3", 150.0)]                      // a bare count: the first "1 …" portion
    [InlineData("12061", "a handful", 30.0)]               // 21 CFR 101.12 reference amount for nuts, 30 g
    public void Weigh_FollowsTheFoodsPortions(string ndb, string amount, double grams) =>
        Assert.Equal(grams, Grams(ndb, amount + " food"), 2);

    [Theory]
    [InlineData("19904", "150 ml", "no volume measure")]  // dark chocolate: "1 oz" and "1 bar", no volume portion: ml is refused
    [InlineData("19904", "a can", "no volume measure")]   // chocolate is no drink: a can is not 12 fl oz of it
    [InlineData("12014", "2 large", "no 'large' portion")]
    [InlineData("11124", "carrots", "no amount")]
    [InlineData("11457", "9 kg", "implausible")]          // over 5 kg in one entry
    public void Weigh_RefusesWhatItCannotWeigh_SayingWhy(string ndb, string text, string reason)
    {
        var food = Sr28.Catalog.Find(ndb)!;
        Assert.Null(FoodSentence.Weigh(FoodQuery.Read(text + (text.Any(char.IsAsciiDigit) || text.StartsWith('a') ? " food" : "")), food.Name, food.Portions, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithNoFood_SaysSo()
    {
        var s = FoodSentence.Read(FoodQuery.Read("2 cups of xyzzy"), [], []);
        Assert.Null(s.Food);
        Assert.Contains("no food matches 'xyzzy'", s.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KeepsTheAlternatives()
    {
        var s = Parse("2 slices white bread");
        Assert.Equal("18069", s.Food!.Id);
        Assert.Equal(58, s.Amount!.Grams, 3);
        Assert.Equal("1 slice", s.Amount.Portion!.Description);
        Assert.NotEmpty(s.Alternatives);
        Assert.DoesNotContain(s.Alternatives, a => a.Id == "18069");
    }
}

public sealed class FoodNamesTests
{
    // A name is replaced before ranking, so it must not be a phrase SR28 itself uses for a food of its own ("regional"
    // rows); brand rows may name a brand SR28 prints for other products (COCA-COLA's Minute Maid), which is their point.
    [Fact]
    public void RegionalNames_AreNoPhraseOfSr28()
    {
        var names = File.ReadLines(Path.Combine(FindSrc(), "names.tsv")).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t'))
            .Where(r => r[2] == "regional").Select(r => " " + string.Join(' ', SearchText.Tokens(r[0]).Select(t => t.Stem)) + " ").ToList();
        var descriptions = Sr28.Catalog.Foods.Select(f => " " + string.Join(' ', SearchText.Tokens(f.Name).Select(t => t.Stem)) + " ").ToList();
        var clashes = names.Where(n => descriptions.Any(d => d.Contains(n, StringComparison.Ordinal))).ToList();
        Assert.True(clashes.Count == 0, string.Join(", ", clashes));
    }

    [Theory]
    [InlineData("spring onions", "scallions onions spring")]
    [InlineData("beef mince", "beef ground")]
    [InlineData("coke zero", "beverages carbonated low calorie cola contains caffeine")]
    [InlineData("fresh beetroot", "fresh beets")]
    [InlineData("spinach", "spinach")]
    public void Rewrite_ReplacesTheNames(string typed, string rewritten) => Assert.Equal(rewritten, FoodNames.Rewrite(typed));

    private static string FindSrc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Magnesia", "Foods", "Lexicon");
            if (Directory.Exists(candidate))
                return candidate;
        }

        throw new DirectoryNotFoundException("src/Magnesia/Foods/Lexicon");
    }
}
