using CsCheck;
using Magnesia.Foods;
using Magnesia.Intake;

namespace Magnesia.Tests.Foods;

public sealed class SearchSnapshotTests
{
    private static readonly Lazy<FoodSearchIndex> Reread = new(() =>
    {
        using var stream = new MemoryStream();
        Sr28.Catalog.Index.WriteSnapshot(stream);
        stream.Position = 0;
        return FoodSearchIndex.ReadSnapshot(stream);
    });

    // A snapshot is the same index: every query of every evaluation set ranks the same foods with the same scores.
    [Theory]
    [MemberData(nameof(FoodSearchTests.QuerySets), MemberType = typeof(FoodSearchTests))]
    public void ReadSnapshot_RanksEveryQueryAsTheBuiltIndex(string file)
    {
        foreach (var query in File.ReadLines(Sr28.Path(file)).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]))
        {
            var built = Sr28.Catalog.Index.Search(query, 10).Select(h => (Sr28.Catalog.Index.IdOf(h.Document), h.Score));
            var read = Reread.Value.Search(query, 10).Select(h => (Reread.Value.IdOf(h.Document), h.Score));
            Assert.Equal(built, read);
        }
    }

    [Fact]
    public void ReadSnapshot_RefusesOtherBytes() =>
        Assert.Throws<InvalidDataException>(() => FoodSearchIndex.ReadSnapshot(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8])));

    [Fact]
    public void Lexicon_LoadsEveryFileWithItsEntries()
    {
        Assert.Equal(["zucchini"], FoodSynonyms.For("courgette"));
        Assert.Equal(["01077", "01079", "01082", "01085"], FoodDefaults.For(["milk"]));
        Assert.Equal(16, SearchLexicon.Fingerprint.Length);
    }
}

public sealed class NutrientTests
{
    // Every nutrient has a row, in enum order, and fits the amounts type.
    [Fact]
    public void Table_HasOneRowPerNutrientInOrder()
    {
        Assert.Equal(Enum.GetValues<Nutrient>(), NutrientTable.All.Select(n => n.Nutrient));
        Assert.True(NutrientTable.All.Count <= Nutrients.Capacity);
        Assert.Equal(["magnesiumMg", "calciumMg", "potassiumMg", "sodiumMg", "phosphorusMg", "zincMg", "fiberG", "energyKcal", "proteinG", "carbohydrateG", "sugarsG", "fatG"],
            NutrientTable.All.Select(n => n.JsonName));
    }

    private static readonly Gen<Nutrients> AnyNutrients = Gen.Double[0, 5_000].Array[NutrientTable.All.Count].Select(values =>
        Nutrients.From(NutrientTable.All.Select((n, i) => KeyValuePair.Create(n.Nutrient, (double?)Math.Round(values[i], 3)))));

    // Sums are exact thousandths: independent of order and grouping.
    [Fact]
    public void Sum_IsIndependentOfOrder() =>
        Gen.Select(AnyNutrients, AnyNutrients, AnyNutrients).Sample((a, b, c) => (a + b) + c == a + (c + b));

    [Fact]
    public void Missing_IsKeptThroughSumsAndScaling()
    {
        var withSugar = Nutrients.From([KeyValuePair.Create(Nutrient.Magnesium, (double?)10), KeyValuePair.Create(Nutrient.Sugars, (double?)null)]);
        var sum = (withSugar + Nutrients.Zero).Scale(2.5);
        Assert.True(sum.IsMissing(Nutrient.Sugars));
        Assert.Null(sum.Value(Nutrient.Sugars));
        Assert.Equal(25, sum.Value(Nutrient.Magnesium));
    }

    // Scaling rounds to whole micrograms, half away from zero, as Mass.Scale does: 1 µg × 0.5 = 0.5 → 1 µg.
    [Fact]
    public void Scale_RoundsLikeMass() =>
        Assert.Equal(1, new Nutrients(Magnesia.Units.Mass.FromMicrograms(1), Magnesia.Units.Mass.Zero, Magnesia.Units.Mass.Zero, 0).Scale(0.5).Milli(Nutrient.Magnesium));
}
