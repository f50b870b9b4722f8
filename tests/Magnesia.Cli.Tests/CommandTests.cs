using System.Text.Json;

namespace Magnesia.Cli.Tests;

public sealed class DriCommandTests
{
    [Fact]
    public async Task Dri_Json_HasTheContractedShape()
    {
        var r = await CliRunner.RunAsync("dri", "--age", "35", "--sex", "female", "--pregnant", "--json");
        Assert.Equal(0, r.Exit);
        Assert.Equal("", r.Err);
        var j = r.Json;
        Assert.Equal(["lifeStage", "earMg", "rdaMg", "aiMg", "supplementalUlMg", "sources"], j.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Pregnancy 31–50 y", j.GetProperty("lifeStage").GetString());
        Assert.Equal(300, j.GetProperty("earMg").GetDouble());   // IOM 1997 p. 239
        Assert.Equal(360, j.GetProperty("rdaMg").GetDouble());
        Assert.Equal(JsonValueKind.Null, j.GetProperty("aiMg").ValueKind);
        Assert.Equal(350, j.GetProperty("supplementalUlMg").GetDouble());
        Assert.NotEmpty(j.GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public async Task Dri_Infant_HasOnlyAnAi()
    {
        var j = (await CliRunner.RunAsync("dri", "--age", "0", "--months", "9", "--sex", "male", "--json")).Json;
        Assert.Equal(75, j.GetProperty("aiMg").GetDouble());
        Assert.Equal(JsonValueKind.Null, j.GetProperty("rdaMg").ValueKind);
        Assert.Equal(JsonValueKind.Null, j.GetProperty("supplementalUlMg").ValueKind);
    }

    [Fact]
    public async Task Dri_Human_PrintsATableWithTheSource()
    {
        var r = await CliRunner.RunAsync("dri", "--age", "45", "--sex", "male");
        Assert.Equal(0, r.Exit);
        Assert.Contains("Males 31–50 y", r.Out, StringComparison.Ordinal);
        Assert.Contains("420", r.Out, StringComparison.Ordinal);
        Assert.Contains("Source: Institute of Medicine", r.Out, StringComparison.Ordinal);
    }
}

public sealed class FormsCommandTests
{
    [Fact]
    public async Task Forms_Json_ListsEveryFormWithTheContractedFields()
    {
        var r = await CliRunner.RunAsync("forms", "--json");
        Assert.Equal(0, r.Exit);
        var forms = r.Json.EnumerateArray().ToList();
        Assert.Equal(17, forms.Count);
        Assert.Equal(["id", "name", "formula", "molarMassGPerMol", "elementalPercent", "notes", "sources"], forms[0].EnumerateObject().Select(p => p.Name));
        var oxide = forms.Single(f => f.GetProperty("id").GetString() == "oxide");
        Assert.Equal("MgO", oxide.GetProperty("formula").GetString());
        Assert.Equal(60.3, oxide.GetProperty("elementalPercent").GetDouble());
    }

    [Fact]
    public async Task Forms_Human_PrintsTheTable()
    {
        var r = await CliRunner.RunAsync("forms");
        Assert.Contains("chloride-hexahydrate", r.Out, StringComparison.Ordinal);
        Assert.Contains("MgCl2·6H2O", r.Out, StringComparison.Ordinal);
    }
}

public sealed class FoodsCommandTests
{
    [Fact]
    public async Task Search_Json_PutsTheMeantFoodFirst()
    {
        var r = await CliRunner.RunWithDbAsync("foods", "search", "raw", "spinach", "--limit", "3", "--json");
        Assert.Equal(0, r.Exit);
        var hits = r.Json.EnumerateArray().ToList();
        Assert.Equal(3, hits.Count);
        Assert.Equal(["foodId", "name", "group", "magnesiumMgPer100g", "score", "weak", "dataset", "sourceId", "brand", "alsoIn", "source", "ndb"], hits[0].EnumerateObject().Select(p => p.Name));
        Assert.False(hits[0].GetProperty("weak").GetBoolean());
        Assert.Equal("11457", hits[0].GetProperty("ndb").GetString());
        Assert.Equal("Spinach, raw", hits[0].GetProperty("name").GetString());
        Assert.Equal(79, hits[0].GetProperty("magnesiumMgPer100g").GetDouble());
        Assert.True(hits[0].GetProperty("score").GetDouble() >= hits[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Show_Json_HasTheContractedFieldsAndPortions()
    {
        var r = await CliRunner.RunWithDbAsync("foods", "show", "12014", "--json");
        Assert.Equal(0, r.Exit);
        var j = r.Json;
        foreach (var field in new[] { "ndb", "name", "group", "commonNames", "magnesiumMgPer100g", "calciumMgPer100g", "potassiumMgPer100g", "energyKcalPer100g", "portions" })
            Assert.True(j.TryGetProperty(field, out _), field);
        Assert.Equal(592, j.GetProperty("magnesiumMgPer100g").GetDouble());
        Assert.Equal("pepitas", j.GetProperty("commonNames")[0].GetString());
        var cup = j.GetProperty("portions")[0];
        Assert.Equal("1 cup", cup.GetProperty("description").GetString());
        Assert.Equal(129, cup.GetProperty("grams").GetDouble());
    }

    [Fact]
    public async Task Show_AcceptsANumberWithoutLeadingZeros()
    {
        var r = await CliRunner.RunWithDbAsync("foods", "show", "9040", "--json");
        Assert.Equal("09040", r.Json.GetProperty("ndb").GetString());
    }

    [Fact]
    public async Task Show_Human_PrintsValuesAndPortions()
    {
        var r = await CliRunner.RunWithDbAsync("foods", "show", "11457");
        Assert.Contains("Spinach, raw", r.Out, StringComparison.Ordinal);
        Assert.Contains("79 mg/100 g", r.Out, StringComparison.Ordinal);
        Assert.Contains("1 cup = 30 g", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100g", 781.0, true)]     // 20060 rice bran, crude (the whole catalogue)
    [InlineData("portion", 921.58, true)] // 781 mg × 118 g / 100
    [InlineData("100g", 700.0, false)]    // 12012 hemp seeds, hulled (a common food)
    [InlineData("portion", 210.0, false)] // 700 mg × 30 g (3 tbsp) / 100
    public async Task Top_RanksByTheChosenBasis(string per, double first, bool allFoods)
    {
        var r = await CliRunner.RunWithDbAsync([.. (string[])["foods", "top", "--per", per, "--limit", "5", "--json"], .. allFoods ? (string[])["--all-foods"] : []]);
        Assert.Equal(0, r.Exit);
        var items = r.Json.EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.Equal(first, items[0].GetProperty("magnesiumMg").GetDouble(), 0.01);
        Assert.True(items[0].TryGetProperty("magnesiumMgPer100g", out _));
        Assert.Equal(per, items[0].GetProperty("basis").GetString());
    }

    [Fact]
    public async Task Top_FiltersByGroupName()
    {
        var r = await CliRunner.RunWithDbAsync("foods", "top", "--group", "vegetables", "--per", "100kcal", "--json");
        Assert.All(r.Json.EnumerateArray(), i => Assert.Equal("Vegetables and Vegetable Products", i.GetProperty("group").GetString()));
    }

    [Fact]
    public async Task DbInfo_ReportsPathAndCounts()
    {
        var db = await CliRunner.FreshDatabaseAsync();
        var r = await CliRunner.RunAsync("--db", db, "db", "info", "--json");
        Assert.Equal(0, r.Exit);
        Assert.Equal(db, r.Json.GetProperty("path").GetString());
        Assert.Equal(8_789, r.Json.GetProperty("foods").GetInt32());
        Assert.Equal(25, r.Json.GetProperty("foodGroups").GetInt32());
    }

    [Fact]
    public async Task FirstUse_ProvisionsWithProgressOnStderr_AndSecondUseDoesNot()
    {
        var path = CliRunner.MissingDatabase();
        var first = await CliRunner.RunAsync("db", "info", "--db", path, "--json");
        Assert.Equal(0, first.Exit);
        Assert.Contains("provisioning USDA SR28", first.Err, StringComparison.Ordinal);
        Assert.Equal(8_789, first.Json.GetProperty("foods").GetInt32());
        var second = await CliRunner.RunAsync("db", "info", "--db", path, "--json");
        Assert.Equal("", second.Err);
    }
}
