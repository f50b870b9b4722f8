using Magnesia.Foods;
using Magnesia.Data.Foods;
using Magnesia.Data.Importers;

namespace Magnesia.Data.Tests;

public sealed class Sr28ReaderTests
{
    private static readonly Lazy<IReadOnlyList<Sr28Food>> Foods = new(Sr28Provisioner.ReadEmbedded);

    [Fact]
    public void ReadEmbedded_ReadsAll8789Foods()
    {
        Assert.Equal(8_789, Foods.Value.Count);
        Assert.Equal(8_789, Foods.Value.Select(f => f.Food.Id).Distinct().Count());
    }

    // SR28 WEIGHT.txt (data/usda-sr28/README.md): 15,438 records for 8,492 foods; a few have no weight and cannot
    // weigh an entry. Spot rows as published: banana 09040 seq 2 "1 cup, sliced" 150 g and seq 5 "1 medium" 118 g;
    // almonds 12061 seq 5 "1 oz (23 whole kernels)" 28.35 g; ricotta 01036 seq 1 amount 0.5 "cup" 124 g.
    [Fact]
    public void ReadMeasures_ReadsEveryHouseholdMeasure_InSr28sOrder()
    {
        var assembly = typeof(Sr28Provisioner).Assembly;
        using var weight = new StreamReader(assembly.GetManifestResourceStream("Magnesia.Data.Sr28.WEIGHT.txt")!, Sr28Reader.Encoding);
        var measures = Sr28Reader.ReadMeasures(weight);
        Assert.Equal(8_492, measures.Count);
        Assert.Equal(15_438, measures.Values.Sum(m => m.Portions.Count));
        Assert.Equal(new FoodPortion("1 cup, sliced", 150), measures["09040"].Portions[1]);
        Assert.Equal(new FoodPortion("1 medium (7\" to 7-7/8\" long)", 118), measures["09040"].Portions[4]);
        Assert.Contains(new FoodPortion("1 oz (23 whole kernels)", 28.35), measures["12061"].Portions);
        Assert.Equal(new FoodPortion("1/2 cup", 124), measures["01036"].Portions[0]);
    }

    [Theory]
    [InlineData("~01001~^1^1^~pat~^5^^\r\n~01001~^1^1^~tbsp~^14.2^^", "Seq")]       // a measure twice
    [InlineData("~01001~^1^0^~pat~^5^^", "Amount")]
    [InlineData("~01001~^1^1^~~^5^^", "Msre_Desc")]
    [InlineData("~1001~^1^1^~pat~^5^^", "NDB_No")]
    [InlineData("~01001~^1^1^~pat~^5^", "(row)")]
    public void ReadMeasures_NamesTheFieldOfABadRow(string rows, string field)
    {
        var e = Assert.Throws<DataFormatException>(() => Sr28Reader.ReadMeasures(new StringReader(rows + "\r\n")));
        Assert.Equal(field, e.Field);
    }

    // Spot values from USDA SR28 (ABBREV.txt / FOOD_DES.txt), per 100 g.
    [Theory]
    [InlineData("11457", "Spinach, raw", 79.0, 99.0, 558.0, 23.0)]
    [InlineData("12014", "Seeds, pumpkin and squash seed kernels, dried", 592.0, 46.0, 809.0, 559.0)]
    [InlineData("09040", "Bananas, raw", 27.0, 5.0, 358.0, 89.0)]
    [InlineData("12061", "Nuts, almonds", 270.0, 269.0, 733.0, 579.0)]
    public void ReadEmbedded_HasTheSr28Values(string ndb, string name, double mg, double ca, double k, double kcal)
    {
        var f = Foods.Value.Single(x => x.Food.Id == ndb).Food;
        Assert.Equal(name, f.Name);
        Assert.Equal(mg, f.MagnesiumPer100g!.Value.Milligrams);
        Assert.Equal(ca, f.Per100g.Value(Nutrient.Calcium));
        Assert.Equal(k, f.Per100g.Value(Nutrient.Potassium));
        Assert.Equal(kcal, f.EnergyKcalPer100g);
    }

    // SR28 ABBREV.txt row 11457 (spinach, raw), per 100 g: Energ_Kcal 23, Protein 2.86 g, Lipid_Tot 0.39 g,
    // Carbohydrt 3.63 g, Fiber_TD 2.2 g, Sugar_Tot 0.42 g, Phosphorus 49 mg, Sodium 79 mg, Zinc 0.53 mg.
    [Theory]
    [InlineData(Nutrient.Sodium, 79.0)]
    [InlineData(Nutrient.Phosphorus, 49.0)]
    [InlineData(Nutrient.Zinc, 0.53)]
    [InlineData(Nutrient.Fiber, 2.2)]
    [InlineData(Nutrient.Energy, 23.0)]
    [InlineData(Nutrient.Protein, 2.86)]
    [InlineData(Nutrient.Carbohydrate, 3.63)]
    [InlineData(Nutrient.Sugars, 0.42)]
    [InlineData(Nutrient.Fat, 0.39)]
    public void ReadEmbedded_HasTheWholeNutrientVector(Nutrient nutrient, double per100g) =>
        Assert.Equal(per100g, Foods.Value.Single(x => x.Food.Id == "11457").Food.Per100g.Value(nutrient));

    // SR28 leaves a field empty when the nutrient was not analysed: missing, never zero.
    [Fact]
    public void ReadEmbedded_KeepsMissingValuesMissing() =>
        Assert.Contains(Foods.Value, x => x.Food.Per100g.IsMissing(Nutrient.Sugars) && !x.Food.Per100g.IsMissing(Nutrient.Magnesium));

    [Fact]
    public void ReadEmbedded_KeepsLeadingZerosAndPortions()
    {
        var banana = Foods.Value.Single(x => x.Food.Id == "09040").Food;
        Assert.Equal("Fruits and Fruit Juices", banana.Group.Name);
        // Every SR28 WEIGHT.txt measure of 09040, in its order (ABBREV.txt keeps the first two).
        Assert.Equal(
            [("1 cup, mashed", 225.0), ("1 cup, sliced", 150.0), ("1 extra small (less than 6\" long)", 81.0), ("1 small (6\" to 6-7/8\" long)", 101.0),
             ("1 medium (7\" to 7-7/8\" long)", 118.0), ("1 large (8\" to 8-7/8\" long)", 136.0), ("1 extra large (9\" or longer)", 152.0), ("1 NLEA serving", 126.0)],
            banana.Portions.Select(p => (p.Description, p.Grams)));
        // ABBREV.txt's two measures per food came to 13,316; WEIGHT.txt has 15,438, every one with a weight (the 297
        // foods it has none for have none in ABBREV.txt either).
        Assert.Equal(Sr28Provisioner.ExpectedPortionCount, Foods.Value.Sum(x => x.Food.Portions.Count));
        Assert.Equal(15_438, Sr28Provisioner.ExpectedPortionCount);
        Assert.True(banana.SurveyFood);
    }

    [Fact]
    public void ReadEmbedded_ReadsCommonNamesAndLatin1Text()
    {
        Assert.Contains("pepitas", Foods.Value.Single(x => x.Food.Id == "12014").Food.CommonNames);
        // The only non-ASCII bytes in SR28 FOOD_DES are Windows-1252 curly quotes (0x91, 0x92) in 09520.
        Assert.Equal("Actinidia chinensis \u2018Zesy002\u2019 (Gold3)", Foods.Value.Single(x => x.Food.Id == "09520").ScientificName);
    }

    [Fact]
    public void ReadEmbedded_LeavesMissingNutrientsNull() =>
        Assert.Contains(Foods.Value, f => f.Food.MagnesiumPer100g is null);

    private const string GoodDes = "~01001~^~0100~^~Butter, salted~^~BUTTER,WITH SALT~^~~^~~^~Y~^~~^0^~~^6.38^4.27^8.79^3.87";

    private static string Abbrev(string ndb = "01001", string mg = "2", string gm1 = "5.0", string desc1 = "~1 pat~") =>
        $"~{ndb}~^~BUTTER,WITH SALT~^15.87^717^0.85^81.11^2.11^0.06^0.0^0.06^24^0.02^{mg}^24^24^643^0.09^0.000^0.000^1.0^0.0^0.005^0.034^0.042^0.110^0.003^3^0^3^3^18.8^0.17^2499^684^671^0^158^0^0^0^2.32^0.0^0^7.0^51.368^21.021^3.043^215^{gm1}^{desc1}^14.2^~1 tbsp~^0";

    [Theory]
    [InlineData("~1001~^~0100~^~Butter~^~B~^~~^~~^~Y~^~~^0^~~^6.38^4.27^8.79^3.87", null, "FOOD_DES.txt:1: field NDB_No")]
    [InlineData("~01001~^~9999~^~Butter~^~B~^~~^~~^~Y~^~~^0^~~^6.38^4.27^8.79^3.87", null, "FOOD_DES.txt:1: field FdGrp_Cd")]
    [InlineData("~01001~^~0100~^~Butter", null, "FOOD_DES.txt:1: field (row)")]
    [InlineData(GoodDes, "mg:abc", "ABBREV.txt:1: field Magnesium")]
    [InlineData(GoodDes, "mg:-3", "ABBREV.txt:1: field Magnesium")]
    [InlineData(GoodDes, "ndb:01002", "ABBREV.txt:1: field NDB_No")]
    [InlineData(GoodDes, "gm1:0", "ABBREV.txt:1: field GmWt_1")]
    [InlineData(GoodDes, "desc1:", "ABBREV.txt:1: field GmWt_1")]
    public void Read_NamesFileLineAndFieldOfTheFirstProblem(string des, string? abbrevChange, string expected)
    {
        var abbrev = abbrevChange?.Split(':', 2) switch
        {
            ["mg", var v] => Abbrev(mg: v),
            ["ndb", var v] => Abbrev(ndb: v),
            ["gm1", var v] => Abbrev(gm1: v),
            ["desc1", var v] => Abbrev(desc1: v),
            _ => Abbrev(),
        };
        var e = Assert.Throws<DataFormatException>(() => Sr28Reader.Read(new StringReader(des + "\r\n"), new StringReader(abbrev + "\r\n")));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AcceptsAWellFormedRow()
    {
        var foods = Sr28Reader.Read(new StringReader(GoodDes + "\r\n"), new StringReader(Abbrev() + "\r\n"));
        Assert.Equal(2, foods.Single().Food.MagnesiumPer100g!.Value.Milligrams);
    }
}
