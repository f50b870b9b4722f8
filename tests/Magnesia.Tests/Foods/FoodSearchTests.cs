using CsCheck;
using Magnesia.Foods;
using Magnesia.Testing;

namespace Magnesia.Tests.Foods;

public sealed class FoodSearchTests
{
    public static TheoryData<string> QuerySets => new() { "FoodSearchEval.tsv", "FoodSearchHoldout.tsv", "FoodSearchUnseen.tsv", "FoodSearchFresh.tsv", "FoodSearchLate.tsv", "FoodSearchLast.tsv", "FoodSearchPeopleHoldout.tsv", "FoodSearchPeopleFresh.tsv" };

    // The issue's targets: top-1 ≥ 85 % and top-3 ≥ 95 % over each evaluation set (accepted answers in the file).
    [Theory]
    [MemberData(nameof(QuerySets))]
    public void Search_MeetsTheQualityTargets(string file)
    {
        var rows = File.ReadLines(Sr28.Path(file)).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        Assert.True(rows.Count >= 45, $"{file} has {rows.Count} queries");
        int top1 = 0, top3 = 0;
        var misses = new List<string>();
        foreach (var r in rows)
        {
            var accepted = r[2].Split(',').ToHashSet();
            var ranked = Sr28.Catalog.Search(r[0], 3).Select(m => m.Food.Id.Value).ToList();
            if (ranked.Count > 0 && accepted.Contains(ranked[0]))
                top1++;
            else
                misses.Add(r[0]);
            if (ranked.Any(accepted.Contains))
                top3++;
        }

        Assert.True(top1 >= 0.85 * rows.Count, $"top-1 {top1}/{rows.Count}; missed: {string.Join(", ", misses)}");
        Assert.True(top3 >= 0.95 * rows.Count, $"top-3 {top3}/{rows.Count}");
    }

    // Issue 12: the same targets hold with 100,000 branded products beside SR28 (made-up FDC Branded Foods, named the way
    // brand owners name them: "WHOLE MILK, ORIGINAL", "ROASTED ALMONDS, SEA SALT"), so generic queries still find generic foods.
    private static readonly Lazy<FoodCatalog> WithBranded = new(() => new FoodCatalog(Sr28.Catalog.Foods.Concat(Magnesia.Bench.SyntheticFdc.BrandedFoods(100_000))));

    [Theory]
    [MemberData(nameof(QuerySets))]
    public void Search_WithBrandedFoodsAdded_StillMeetsTheQualityTargets(string file)
    {
        var rows = File.ReadLines(Sr28.Path(file)).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var ranked = rows.Select(r => (Query: r[0], Accepted: r[2].Split(',').ToHashSet(), Top: WithBranded.Value.Search(r[0], 3).Select(m => m.Food.Id.Value).ToList())).ToList();
        var misses = ranked.Where(r => r.Top.FirstOrDefault() is not { } first || !r.Accepted.Contains(first)).Select(r => $"{r.Query} → {r.Top.FirstOrDefault()}").ToList();
        Assert.True(rows.Count - misses.Count >= 0.85 * rows.Count, $"top-1 {rows.Count - misses.Count}/{rows.Count}; missed: {string.Join(", ", misses)}");
        Assert.True(ranked.Count(r => r.Top.Any(r.Accepted.Contains)) >= 0.95 * rows.Count);
    }

    [Theory]
    [InlineData("milk")]
    [InlineData("almonds")]
    [InlineData("whole milk")]
    [InlineData("greek yogurt")]
    [InlineData("peanut butter")]
    public void Search_GenericQuery_PutsAGenericFoodFirst(string query)
    {
        var top = WithBranded.Value.Search(query, 1).Single().Food;
        Assert.False(top.Branded, $"{query} → {top.Id} {top.Name}");
    }

    // The product floor (RankingWeights.MostBonus) lets a search skip the products' postings, or read only a brand's or
    // one needed word's: that must never change the answer. Random queries of one to four words drawn from the foods'
    // own words (generic names, product names, brand owners) and a few typos, over SR28 and 100,000 products: the pruned
    // top 10 is the unpruned top 10, food for food and score for score.
    [Fact, Slow]
    public void Search_Pruned_RanksAsUnpruned_Over100kProducts()
    {
        var catalog = WithBranded.Value;
        var words = catalog.Foods.Where((f, i) => !f.Branded || i % 97 == 0)
            .SelectMany(f => (f.Name + " " + (f.Origin.BrandOwner ?? "")).Split([' ', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3 && w.All(char.IsAsciiLetter)).Select(w => w.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray();
        var word = Gen.Select(Gen.Int[0, words.Length - 1], Gen.Int[0, 9], (i, typo) => typo == 0 && words[i].Length > 4 ? words[i].Remove(words[i].Length / 2, 1) : words[i]);
        var index = catalog.Index;
        try
        {
            Gen.Int[1, 4].SelectMany(n => word.Array[n]).Select(ws => string.Join(' ', ws)).Sample(query =>
            {
                index.Pruning = true;
                var pruned = index.Search(query, 10);
                index.Pruning = false;
                var unpruned = index.Search(query, 10);
                return pruned.SequenceEqual(unpruned);
            }, iter: 400, seed: "0N0XIzNsQ0O2");
        }
        finally
        {
            index.Pruning = true;
        }
    }

    [Fact]
    public void Search_NamingTheBrand_BringsItsProductsFirst()
    {
        var product = WithBranded.Value.Foods.First(f => f.Origin.Dataset == "fdc-branded" && f.Name.StartsWith("GREEK YOGURT", StringComparison.Ordinal));
        var brandWord = product.Origin.BrandOwner!.Split(' ')[0];
        var top = WithBranded.Value.Search($"{brandWord} greek yogurt", 5);
        Assert.All(top, m => Assert.Contains(brandWord, m.Food.Origin.BrandOwner ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_FoldsNearDuplicatesAcrossDatasets()
    {
        var spinach = Sr28.Catalog.Find("11457")!;
        var legacy = spinach with { Id = FoodId.Parse("fdc:168462"), Provenance = new FoodProvenance("fdc-sr-legacy", "168462") };
        var catalog = new FoodCatalog([.. Sr28.Catalog.Foods, legacy]);
        var hits = catalog.Search("spinach raw", 5);
        Assert.Single(hits, h => h.Food.Name == "Spinach, raw");
        Assert.Contains(hits.Single(h => h.Food.Name == "Spinach, raw").Duplicates, d => d.Id.Value is "fdc:168462" or "11457");
    }

    // Issue 13's targets for the sets of what people type (quantities, regional and brand names, several typos):
    // top-1 ≥ 90 % and top-3 ≥ 97 %; at least 150 queries.
    [Fact]
    public void Search_MeetsTheTargetsOnWhatPeopleType()
    {
        var rows = File.ReadLines(Sr28.Path("FoodSearchPeople.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        Assert.True(rows.Count >= 150, $"{rows.Count} queries");
        Assert.Superset(new HashSet<string> { "quantity", "regional", "brand", "typos" }, rows.Select(r => r[1]).ToHashSet());
        var ranked = rows.Select(r => (Accepted: r[2].Split(',').ToHashSet(), Top: Sr28.Catalog.Search(r[0], 3).Select(m => m.Food.Id.Value).ToList())).ToList();
        var misses = rows.Where((r, i) => ranked[i].Top.FirstOrDefault() is not { } first || !ranked[i].Accepted.Contains(first)).Select(r => r[0]).ToList();
        Assert.True(rows.Count - misses.Count >= 0.90 * rows.Count, $"top-1 {rows.Count - misses.Count}/{rows.Count}; missed: {string.Join(", ", misses)}");
        Assert.True(ranked.Count(r => r.Top.Any(r.Accepted.Contains)) >= 0.97 * rows.Count);
    }

    [Theory]
    [InlineData("2 cups of skim milk", "01085")]      // the amount is not searched
    [InlineData("a mug of hot chocolate", "14194")]
    [InlineData("spring onions", "11291")]            // a regional name with no letters in common
    [InlineData("jacket potato", "11674")]
    [InlineData("coke zero", "14416")]                // a brand name for a kind of product
    [InlineData("orenge juse", "09206")]              // two typos read together
    [InlineData("grean beens", "11052")]              // "beens" is in SR28 as "been", but means beans
    public void Search_ReadsWhatPeopleType(string query, string ndb) =>
        Assert.Equal(ndb, Sr28.Catalog.Search(query, 1).Single().Food.Id);

    [Fact]
    public void Search_NeverLeavesAPlausibleQueryEmpty_ButMarksTheGuess()
    {
        // "paneer" is in no SR28 description: the closest foods by shared letter trigrams, each marked weak.
        var hits = Sr28.Catalog.Search("paneer", 5);
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.True(h.Weak));
        Assert.All(Sr28.Catalog.Search("spinach", 5), h => Assert.False(h.Weak));
    }

    [Fact]
    public void Search_ReturnsNothingForNonsense() => Assert.Empty(Sr28.Catalog.Search("xyzzy"));

    [Fact]
    public void EvaluationSet_HasAtLeast100QueriesOfEveryKind()
    {
        var kinds = File.ReadLines(Sr28.Path("FoodSearchEval.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')[1]).ToList();
        Assert.True(kinds.Count >= 100);
        Assert.Superset(new HashSet<string> { "plain", "order", "typo", "plural", "common", "state", "partial" }, kinds.ToHashSet());
    }

    [Theory]
    [InlineData("banana", "09040")]        // "Bananas, raw" before "Babyfood, banana…"
    [InlineData("spinch", "11457")]        // typo
    [InlineData("raw spinach", "11457")]   // word order
    [InlineData("avacado", "09037")]       // typo
    [InlineData("garbanzo", "16057")]      // common name inside the description; cooked, the form people eat (word-classes.tsv)
    [InlineData("pepitas", "12014")]       // SR28 common name
    [InlineData("soy milk", "16120")]      // two words written as one
    [InlineData("cornflakes", "08020")]    // one word written as two
    [InlineData("sardeens", "15088")]      // sound-alike beyond the edit budget
    public void Search_RanksTheMeantFoodFirst(string query, string ndb) =>
        Assert.Equal(ndb, Sr28.Catalog.Search(query, 1).Single().Food.Id);

    [Fact]
    public void Search_RanksBabyFoodLastUnlessAskedFor()
    {
        var plain = Sr28.Catalog.Search("banana", 10).Select(m => m.Food.Group.Code).ToList();
        Assert.NotEqual("0300", plain[0]);
        Assert.Equal("0300", Sr28.Catalog.Search("babyfood banana", 1).Single().Food.Group.Code);
    }

    [Fact]
    public void Search_ScoresDescend()
    {
        var scores = Sr28.Catalog.Search("cooked brown rice", 10).Select(m => m.Score).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("of the and")]
    public void Search_ReturnsNothingForAQueryWithoutWords(string query) => Assert.Empty(Sr28.Catalog.Search(query));

    [Fact]
    public void Search_IsSafeUnderConcurrency()
    {
        var expected = Sr28.Catalog.Search("pumpkin seeds", 5).Select(m => m.Food.Id.Value).ToList();
        Parallel.For(0, 200, _ => Assert.Equal(expected, Sr28.Catalog.Search("pumpkin seeds", 5).Select(m => m.Food.Id.Value).ToList()));
    }

    [Fact]
    public void Defaults_NameFoodsThatExist() =>
        Assert.All(FoodDefaults.AllFoodIds, id => Assert.NotNull(Sr28.Catalog.Find(FoodId.Parse(id))));
}

public sealed class FoodCatalogTests
{
    [Fact]
    public void Top_Per100g_PutsTheRichestFirst()
    {
        var top = Sr28.Catalog.Top(NutrientBasis.Per100Grams, limit: 50, allFoods: true);
        Assert.Equal(top.Select(t => t.Magnesium).OrderByDescending(m => m), top.Select(t => t.Magnesium));
        // SR28: pumpkin and squash seed kernels, dried (12014) have 592 mg/100 g; rice bran, crude (20060) 781 mg.
        Assert.Contains(top, t => t.Food.Id == "20060" && t.Magnesium.Milligrams == 781);
    }

    [Fact]
    public void Top_PerPortion_UsesTheFirstHouseholdMeasure_WithEveryFood()
    {
        // 12014: 592 mg/100 g × 129 g (1 cup) = 763.68 mg
        var seeds = Sr28.Catalog.Top(NutrientBasis.PerPortion, FoodGroups.FindByCode("1200"), 1000, allFoods: true).Single(t => t.Food.Id == "12014");
        Assert.Equal(763.68, seeds.Magnesium.Milligrams, 0.001);
        Assert.Equal("1 cup", seeds.Portion!.Description);
    }

    [Fact]
    public void Top_Per100Kcal_ComputesDensity()
    {
        // Spinach, raw: 79 mg / 23 kcal × 100 = 343.478 mg per 100 kcal
        var spinach = Sr28.Catalog.Top(NutrientBasis.Per100Kcal, FoodGroups.FindByCode("1100"), 1000).Single(t => t.Food.Id == "11457");
        Assert.Equal(343.478, spinach.Magnesium.Milligrams, 0.001);
    }

    [Fact]
    public void Top_WithAGroup_StaysInTheGroup() =>
        Assert.All(Sr28.Catalog.Top(NutrientBasis.Per100Grams, FoodGroups.FindByCode("0900"), 30), t => Assert.Equal("0900", t.Food.Group.Code));
}
