// These tests pass no cancellation token: each import is small and finishes in well under a second.
#pragma warning disable xUnit1051
using System.IO.Compression;
using Magnesia.Data.Diary;
using Magnesia.Data.Importers;
using Magnesia.Data.Importers.Fdc;
using Magnesia.Data.Importers.Ifct;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.References;
using Microsoft.Data.Sqlite;

namespace Magnesia.Data.Tests;

/// <summary>
/// FoodData Central CSV imports from small releases written here in the FDC layout (headers as in the FDC "Download API
/// Field Descriptions"; quoted fields; extra columns): what is imported, idempotence, a newer release beside diary
/// entries, and every kind of bad input, each naming file, line and field and leaving the store byte-for-byte as it was.
/// </summary>
public sealed class FdcImporterTests : IDisposable
{
    private static readonly Lazy<Task<string>> Template = new(async () =>
    {
        var root = Magnesia.Testing.TempRoot.ForProcess("magnesia-fdc-template-");
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, "template.db");
        await Store.OpenAsync(path);
        SqliteConnection.ClearAllPools();
        return path;
    });

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<Store> NewStoreAsync()
    {
        var path = _dir.File($"s{Guid.NewGuid():N}.db");
        File.Copy(await Template.Value, path);
        return await Store.OpenAsync(path);
    }

    /// <summary>A release: every file as (name, lines); a test changes one line to break it.</summary>
    private static Dictionary<string, List<string>> Release() => new()
    {
        ["food.csv"] =
        [
            "\"fdc_id\",\"data_type\",\"description\",\"food_category_id\",\"publication_date\",\"market_country\"",
            "\"2346403\",\"foundation_food\",\"Spinach, baby\",\"11\",\"2024-10-31\",\"\"",
            "\"168462\",\"sr_legacy_food\",\"Spinach, raw\",\"11\",\"2019-04-01\",\"\"",
            "\"2705385\",\"survey_fndds_food\",\"Spinach, raw\",\"\",\"2024-10-31\",\"\"",
            "\"2000001\",\"branded_food\",\"WHOLE MILK\",\"\",\"2024-10-31\",\"United States\"",
            "\"2000002\",\"branded_food\",\"ALMONDS, \"\"ROASTED\"\", SALTED\",\"Nuts\",\"2024-10-31\",\"United States\"",
            "\"9999\",\"sub_sample_food\",\"Spinach sample\",\"\",\"2024-10-31\",\"\"",
        ],
        ["nutrient.csv"] =
        [
            "\"id\",\"name\",\"unit_name\",\"nutrient_nbr\",\"rank\"",
            "\"1090\",\"Magnesium, Mg\",\"MG\",\"304\",\"5300\"",
            "\"1087\",\"Calcium, Ca\",\"MG\",\"301\",\"5300\"",
            "\"1008\",\"Energy\",\"KCAL\",\"208\",\"300\"",
            "\"2048\",\"Energy (Atwater Specific Factors)\",\"KCAL\",\"958\",\"280\"",
            "\"2047\",\"Energy (Atwater General Factors)\",\"KCAL\",\"957\",\"280\"",
            "\"1051\",\"Water\",\"G\",\"255\",\"100\"",
        ],
        ["food_nutrient.csv"] =
        [
            "\"id\",\"fdc_id\",\"nutrient_id\",\"amount\",\"data_points\",\"derivation_id\"",
            "\"1\",\"2346403\",\"1090\",\"81.3\",\"3\",\"1\"",
            "\"2\",\"2346403\",\"2047\",\"30\",\"\",\"\"",
            "\"3\",\"2346403\",\"2048\",\"27\",\"\",\"\"",
            "\"4\",\"168462\",\"1090\",\"79\",\"14\",\"\"",
            "\"5\",\"168462\",\"1008\",\"23\",\"\",\"\"",
            "\"6\",\"168462\",\"1051\",\"91.4\",\"\",\"\"",
            "\"7\",\"2705385\",\"1090\",\"79\",\"\",\"\"",
            "\"8\",\"2000001\",\"1090\",\"11\",\"\",\"\"",
            "\"9\",\"2000001\",\"1008\",\"61\",\"\",\"\"",
            "\"10\",\"2000002\",\"1090\",\"\",\"\",\"\"",
            "\"11\",\"9999\",\"1090\",\"1\",\"\",\"\"",
        ],
        ["food_portion.csv"] =
        [
            "\"id\",\"fdc_id\",\"seq_num\",\"amount\",\"measure_unit_id\",\"portion_description\",\"modifier\",\"gram_weight\"",
            "\"1\",\"168462\",\"1\",\"1\",\"1000\",\"\",\"\",\"30\"",
            "\"2\",\"2705385\",\"1\",\"1\",\"9999\",\"1 cup, raw\",\"\",\"30\"",
            "\"3\",\"2346403\",\"1\",\"1\",\"9999\",\"\",\"leaf\",\"\"",
        ],
        ["measure_unit.csv"] = ["\"id\",\"name\"", "\"1000\",\"cup\"", "\"9999\",\"undetermined\""],
        ["food_category.csv"] = ["\"id\",\"code\",\"description\"", "\"11\",\"1100\",\"Vegetables and Vegetable Products\""],
        ["branded_food.csv"] =
        [
            "\"fdc_id\",\"brand_owner\",\"brand_name\",\"gtin_upc\",\"serving_size\",\"serving_size_unit\",\"household_serving_fulltext\",\"ingredients\"",
            "\"2000001\",\"Horizon Organic Dairy\",\"HORIZON\",\"036632001467\",\"240\",\"ml\",\"1 cup\",\"MILK\"",
            "\"2000002\",\"Blue Diamond Growers\",\"\",\"041570110003\",\"28\",\"g\",\"1 oz\",\"ALMONDS, SALT\"",
        ],
    };

    private string Write(Dictionary<string, List<string>> release, string name = "FoodData_Central_csv_2024-10-31")
    {
        var folder = Path.Combine(_dir.Path, Guid.NewGuid().ToString("N"), name);
        Directory.CreateDirectory(folder);
        foreach (var (file, lines) in release)
            File.WriteAllText(Path.Combine(folder, file), string.Join("\n", lines) + "\n");
        return Path.GetDirectoryName(folder)!;
    }

    private static async Task<Food?> FindAsync(Store store, string key) => (await store.LoadCatalogAsync()).Find(key);

    // One search document rule for both faces: the web indexes FoodSearchDocument.From(food) over the catalogue, the CLI
    // a snapshot built from the stored columns (FoodSearchDocument.Of); over SR28, every FDC data type and IFCT, the two
    // documents of each food agree, and so the two faces rank the same foods in the same order.
    [Fact]
    public async Task BothFaces_IndexTheSameDocuments_AndRankAlike()
    {
        var store = await NewStoreAsync();
        await FdcImporter.ImportAsync(store, Write(Release()), FdcDataTypes.All);
        await IfctImporter.ImportAsync(store);
        var catalog = await store.LoadCatalogAsync();
        await using var connection = new SqliteConnection($"Data Source={store.Path};Pooling=False");
        await connection.OpenAsync();
        var stored = (await Foods.FoodQueries.LoadSearchDocumentsAsync(connection)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        Assert.Equal(catalog.Foods.Count, stored.Count);
        Assert.Contains(catalog.Foods, f => f.Origin.Dataset == "fdc-branded");
        Assert.Contains(catalog.Foods, f => f.Origin.Dataset == "ifct2017");
        foreach (var food in catalog.Foods)
        {
            var (mine, theirs) = (FoodSearchDocument.From(food), stored[food.Id]);
            Assert.Equal((mine.Name, mine.GroupCode, mine.Branded, mine.SurveyFood, mine.Brand, string.Join("|", mine.CommonNames)),
                (theirs.Name, theirs.GroupCode, theirs.Branded, theirs.SurveyFood, theirs.Brand, string.Join("|", theirs.CommonNames)));
        }

        foreach (var query in new[] { "milk", "horizon milk", "almonds roasted", "spinach", "ragi", "baby spinach", "beans" })
        {
            var web = catalog.Search(query, 10).Select(m => m.Food.Id.Value);
            var cli = (await store.SearchFoodsAsync(query, 10)).Select(h => h.FoodId);
            Assert.Equal(web, cli);
        }
    }

    // The web app's door takes catalogue foods from the catalogue the process loaded instead of querying for them: the
    // same name, portions and nutrients the store gives a door without one (the CLI's); a food imported after the
    // catalogue was loaded is still found, read from the store.
    [Fact]
    public async Task Door_ResolvesFromTheLoadedCatalogue_AsFromTheStore_AndFindsFoodsImportedLater()
    {
        var store = await NewStoreAsync();
        var catalog = await store.LoadCatalogAsync();
        Assert.Same(catalog, store.Catalog);
        await FdcImporter.ImportAsync(store, Write(Release()), FdcDataTypes.All);
        var warm = new DiaryStore(store, "someone", TimeProvider.System);
        var cold = new DiaryStore(await Store.OpenAsync(store.Path), "someone", TimeProvider.System);
        foreach (var id in new[] { "11457", "12061", "01123" })
        {
            var (a, b) = ((await warm.FindEdibleAsync(FoodRef.Catalog(FoodId.Parse(id))))!, (await cold.FindEdibleAsync(FoodRef.Catalog(FoodId.Parse(id))))!);
            Assert.Equal((b.Name, b.Per100g), (a.Name, a.Per100g));
            Assert.Equal(b.Portions, a.Portions);
            Assert.NotEmpty(a.Portions);
        }

        Assert.Null(catalog.Find("fdc:2346403"));
        Assert.Equal(81.3, (await warm.FindEdibleAsync(FoodRef.Catalog(FoodId.Parse("fdc:2346403"))))!.Per100g.Magnesium.Milligrams, 6);
    }

    // Values as written in the release above: FDC amounts are per 100 g.
    [Fact]
    public async Task Import_All_WritesEachDataTypeWithItsValuesAndProvenance()
    {
        var store = await NewStoreAsync();
        var result = await FdcImporter.ImportAsync(store, Write(Release()), FdcDataTypes.All);

        Assert.Equal(["fdc-foundation", "fdc-sr-legacy", "fdc-survey", "fdc-branded"], result.Datasets.Select(d => d.Dataset));
        Assert.All(result.Datasets, d => Assert.Equal("2024-10-31", d.Release));
        var baby = (await FindAsync(store, "fdc:2346403"))!;
        Assert.Equal(81.3, baby.MagnesiumPer100g!.Value.Milligrams);
        Assert.Equal(27, baby.EnergyKcalPer100g); // no 1008: Atwater specific factors (2048) before general (2047)
        Assert.Equal(new FoodProvenance("fdc-foundation", "2346403", Release: "2024-10-31"), baby.Origin);
        Assert.Equal("Vegetables and Vegetable Products", baby.Group.Name);
        Assert.Empty(baby.Portions); // a measure without a gram weight cannot weigh an entry
        Assert.Equal([new FoodPortion("1 cup", 30)], (await FindAsync(store, "fdc:168462"))!.Portions);
        Assert.Equal([new FoodPortion("1 cup, raw", 30)], (await FindAsync(store, "fdc:2705385"))!.Portions);
        var milk = (await FindAsync(store, "fdc:2000001"))!;
        Assert.Equal("00036632001467", milk.Origin.Gtin!.Value.Digits);
        Assert.Equal(("Horizon Organic Dairy", "HORIZON"), (milk.Origin.BrandOwner, milk.Origin.BrandName));
        // Labelled per 100 mL (its serving is 240 ml): read at 1 g/mL, with the serving and the label's basis as measures.
        Assert.Equal([new FoodPortion("1 cup (240 ml)", 240), new FoodPortion("100 ml (label basis, read as 100 g)", 100)], milk.Portions);
        Assert.Equal(1, result.Datasets.Single(d => d.Dataset == "fdc-branded").MillilitreBasis);
        Assert.Null(result.Datasets.Single(d => d.Dataset == "fdc-foundation").MillilitreBasis);
        var almonds = (await FindAsync(store, "fdc:2000002"))!;
        Assert.Equal("ALMONDS, \"ROASTED\", SALTED", almonds.Name);
        Assert.Null(almonds.MagnesiumPer100g); // an empty amount is missing, never zero
        Assert.Equal([new FoodPortion("1 oz", 28)], almonds.Portions);
        Assert.Null(await FindAsync(store, "fdc:9999")); // sample foods are not foods to log
        Assert.Equal("fdc:2000002", await store.FindByGtinAsync(Gtin.Parse("0041570110003", out _)!.Value));
        var (datasets, imports) = await store.FoodSourcesAsync();
        Assert.Contains(datasets, d => d.Id == "fdc-branded" && d.FoodCount == 2 && d.Release == "2024-10-31");
        Assert.Contains(imports, i => i.Dataset == "fdc-foundation" && i.EnergyBasis == "2048: 1");
    }

    // FDC nutrient.csv: Foundation Foods give total sugars as 1063 "Sugars, Total" and fat as 1085 "Total fat (NLEA)"
    // where SR Legacy uses 2000 and 1004 (source audit 2026-12-03 §4.2). The second choice is read only without the first.
    [Fact]
    public async Task Import_FoundationSugarsAndFat_FallBackTo1063And1085_OnlyWithoutTheFirstChoice()
    {
        var release = Release();
        release["nutrient.csv"].AddRange([
            "\"2000\",\"Sugars, total including NLEA\",\"G\",\"269\",\"1500\"", "\"1063\",\"Sugars, Total\",\"G\",\"269.3\",\"1500\"",
            "\"1004\",\"Total lipid (fat)\",\"G\",\"204\",\"800\"", "\"1085\",\"Total fat (NLEA)\",\"G\",\"298\",\"800\""]);
        release["food_nutrient.csv"].AddRange([
            "\"20\",\"2346403\",\"1063\",\"0.4\",\"\",\"\"", "\"21\",\"2346403\",\"1085\",\"0.6\",\"\",\"\"",
            "\"22\",\"168462\",\"2000\",\"0.42\",\"\",\"\"", "\"23\",\"168462\",\"1063\",\"9\",\"\",\"\"", "\"24\",\"168462\",\"1004\",\"0.39\",\"\",\"\""]);
        var store = await NewStoreAsync();
        await FdcImporter.ImportAsync(store, Write(release), FdcDataTypes.All);
        var baby = (await FindAsync(store, "fdc:2346403"))!;
        Assert.Equal((0.4, 0.6), (baby.Per100g.Value(Nutrient.Sugars), baby.Per100g.Value(Nutrient.Fat)));
        var raw = (await FindAsync(store, "fdc:168462"))!;
        Assert.Equal((0.42, 0.39), (raw.Per100g.Value(Nutrient.Sugars), raw.Per100g.Value(Nutrient.Fat)));
    }

    // A drink labelled per 100 mL, logged by volume, gets the label's values: 1 cup (240 ml) of milk at 11 mg/100 mL is
    // 26.4 mg, as the label's serving says, whatever the drink's density.
    [Fact]
    public async Task BrandedPerMillilitre_LoggedByItsServingOrInMl_GivesTheLabelsValues()
    {
        var store = await NewStoreAsync();
        await FdcImporter.ImportAsync(store, Write(Release()), FdcDataTypes.Branded);
        var milk = (await FindAsync(store, "fdc:2000001"))!;
        Assert.Equal(240, Amounts.ToGrams("1 cup (240 ml)", 1, milk.Portions, out _));
        await using var diary = new DiaryStore(store, "u1", TimeProvider.System);
        var reading = await diary.ReadFoodEntryAsync("250 ml milk", FoodRef.Catalog(FoodId.Parse("fdc:2000001")));
        Assert.True(reading.Problem is null, reading.Problem);
        Assert.Equal(250, reading.Amount!.Grams, 6);
        Assert.Equal(27.5, reading.Magnesium.Milligrams, 6);
    }

    [Fact]
    public async Task Import_TheSameReleaseTwice_ChangesNothingTheSecondTime()
    {
        var store = await NewStoreAsync();
        var path = Write(Release());
        await FdcImporter.ImportAsync(store, path, FdcDataTypes.Branded);
        var before = await DumpAsync(store);

        var again = await FdcImporter.ImportAsync(store, path, FdcDataTypes.Branded);

        Assert.True(again.Datasets.Single().AlreadyImported);
        Assert.Equal(before, await DumpAsync(store));
    }

    [Fact]
    public async Task Import_OfAZip_ReadsTheFolderInside()
    {
        var store = await NewStoreAsync();
        var zip = _dir.File("FoodData_Central_csv_2024-10-31.zip");
        ZipFile.CreateFromDirectory(Write(Release()), zip);

        var result = await FdcImporter.ImportAsync(store, zip, FdcDataTypes.SrLegacy);

        Assert.Equal(1, result.Datasets.Single().Foods);
        Assert.NotNull(await FindAsync(store, "fdc:168462"));
    }

    [Fact]
    public async Task NewerRelease_KeepsTheFoodADiaryEntryPointsAt_AndDropsTheOthers()
    {
        var store = await NewStoreAsync();
        await FdcImporter.ImportAsync(store, Write(Release()), FdcDataTypes.Branded);
        await using (var diary = new DiaryStore(store, "u1", TimeProvider.System))
        {
            await diary.SetProfileAsync(new DiaryProfile(Sex.Female, null, 40, new DateOnly(2026, 7, 1), [], [], null, []));
            await diary.AddFoodsAsync([(new DateOnly(2026, 7, 1), null, FoodRef.Parse("fdc:2000001")!.Value, 100, new AmountEntered("g", 100))]);
        }

        // The next release replaced the milk with a new FDC id (as FDC does when a label changes) and dropped the almonds.
        var next = Release();
        next["food.csv"] = [next["food.csv"][0], "\"2100001\",\"branded_food\",\"WHOLE MILK\",\"\",\"2025-04-24\",\"\""];
        next["food_nutrient.csv"] = [next["food_nutrient.csv"][0], "\"1\",\"2100001\",\"1090\",\"12\",\"\",\"\""];
        next["food_portion.csv"] = [next["food_portion.csv"][0]];
        next["branded_food.csv"] = [next["branded_food.csv"][0], "\"2100001\",\"Horizon Organic Dairy\",\"HORIZON\",\"036632001467\",\"240\",\"ml\",\"1 cup\",\"MILK\""];
        var result = await FdcImporter.ImportAsync(store, Write(next, "FoodData_Central_csv_2025-04-24"), FdcDataTypes.Branded);

        Assert.Equal(1, result.Datasets.Single().Retired);
        var old = (await FindAsync(store, "fdc:2000001"))!;
        Assert.True(old.Origin.Retired);
        Assert.Equal(11, old.MagnesiumPer100g!.Value.Milligrams);
        Assert.Null(await FindAsync(store, "fdc:2000002"));
        Assert.Equal("fdc:2100001", await store.FindByGtinAsync(Gtin.Parse("036632001467", out _)!.Value)); // the current one first
        await using var reader = new DiaryStore(store, "u1", TimeProvider.System);
        var day = await reader.DayAsync(new DiaryProfile(Sex.Female, null, 40, new DateOnly(2026, 7, 1), [], [], null, []), new DateOnly(2026, 7, 1));
        Assert.Equal(11, day.MagnesiumFood.Milligrams); // the entry still counts the values it was logged with
        var hits = await store.SearchFoodsAsync("whole milk horizon", 5);
        Assert.DoesNotContain(hits, h => h.FoodId == "fdc:2000001");
    }

    public static TheoryData<string, int, string, string, string> BadReleases => new()
    {
        // file to break, line (1-based, header = 1), new text, expected file, expected field
        { "food.csv", 1, "\"fdc_id\",\"data_type\",\"publication_date\"", "food.csv", "description" },
        { "food_nutrient.csv", 2, "\"1\",\"2346403\",\"1090\",\"eighty\",\"3\",\"1\"", "food_nutrient.csv", "amount" },
        { "food_nutrient.csv", 2, "\"1\",\"2346403\",\"1234\",\"81.3\",\"3\",\"1\"", "food_nutrient.csv", "nutrient_id" },
        { "food_nutrient.csv", 3, "\"2\",\"2346403\",\"1090\",\"80\",\"\",\"\"", "food_nutrient.csv", "nutrient_id" },
        { "food_nutrient.csv", 2, "\"1\",\"555\",\"1090\",\"81.3\",\"3\",\"1\"", "food_nutrient.csv", "fdc_id" },
        { "food_nutrient.csv", 2, "\"1\",\"2346403\",\"1090\",\"-4\",\"3\",\"1\"", "food_nutrient.csv", "amount" },
        { "food.csv", 3, "\"2346403\",\"sr_legacy_food\",\"Spinach, raw\",\"11\",\"2019-04-01\",\"\"", "food.csv", "fdc_id" },
        { "food.csv", 3, "\"168462\",\"sr_legacy_food\",\"Spinach, raw", "food.csv", "description" },
        { "food_nutrient.csv", 12, "\"11\",\"9999\",\"1090", "food_nutrient.csv", "nutrient_id" },
        { "food_nutrient.csv", 12, "\"11\",\"9999\",\"1090\"", "food_nutrient.csv", "(row)" },
        { "branded_food.csv", 2, "\"2000001\",\"Horizon Organic Dairy\",\"HORIZON\",\"036632001468\",\"240\",\"ml\",\"1 cup\",\"MILK\"", "branded_food.csv", "gtin_upc" },
        { "nutrient.csv", 2, "\"1090\",\"Magnesium, Mg\",\"UG\",\"304\",\"5300\"", "nutrient.csv", "unit_name" },
        { "food_portion.csv", 2, "\"1\",\"168462\",\"1\",\"1\",\"1000\",\"\",\"\",\"thirty\"", "food_portion.csv", "gram_weight" },
    };

    [Theory]
    [MemberData(nameof(BadReleases))]
    public async Task BadRelease_NamesFileLineAndField_AndChangesNothing(string file, int line, string text, string wantFile, string wantField)
    {
        var store = await NewStoreAsync();
        await FdcImporter.ImportAsync(store, Write(Release()), FdcDataTypes.Foundation); // something to keep
        var before = await DumpAsync(store);
        var release = Release();
        if (line > release[file].Count)
            release[file].Add(text);
        else
            release[file][line - 1] = text;
        var path = Write(release, "FoodData_Central_csv_2025-04-24");
        if (!text.EndsWith('"'))
        {
            // A truncated file: it stops in the middle of this record, without a line end.
            File.WriteAllText(Path.Combine(path, "FoodData_Central_csv_2025-04-24", file), string.Join("\n", release[file].Take(line)));
        }
        else if (wantField == "(row)")
        {
            File.WriteAllText(Path.Combine(path, "FoodData_Central_csv_2025-04-24", file), string.Join("\n", release[file]));
        }

        var e = await Assert.ThrowsAsync<DataFormatException>(() => FdcImporter.ImportAsync(store, path, FdcDataTypes.All));

        Assert.Equal((wantFile, wantField), (e.File, e.Field));
        Assert.Equal(before, await DumpAsync(store));
    }

    [Fact]
    public async Task AZipThatIsNotARelease_IsRefusedNamingWhatIsMissing()
    {
        var store = await NewStoreAsync();
        var zip = _dir.File("photos.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            archive.CreateEntry("holiday.jpg");

        var e = await Assert.ThrowsAsync<DataFormatException>(() => FdcImporter.ImportAsync(store, zip, FdcDataTypes.All));

        Assert.Contains("food.csv is missing", e.Message, StringComparison.Ordinal);
        var notZip = _dir.File("notes.zip");
        File.WriteAllText(notZip, "not a zip");
        Assert.Contains("neither a folder nor a zip", (await Assert.ThrowsAsync<DataFormatException>(() => FdcImporter.ImportAsync(store, notZip, FdcDataTypes.All))).Message, StringComparison.Ordinal);
    }

    // IFCT 2017, table 1 (proximate) and table 10 (minerals): Bajra (A003) magnesium 124 mg, energy 1456 kJ (348 kcal).
    [Fact]
    public async Task Ifct_ImportsTheIndianTableWithItsCodes()
    {
        var store = await NewStoreAsync();
        var result = await IfctImporter.ImportAsync(store);

        Assert.Equal(542, result.Datasets.Single().Foods);
        var bajra = (await FindAsync(store, "ifct:A003"))!;
        Assert.Equal("Bajra", bajra.Name);
        Assert.Equal(124, bajra.MagnesiumPer100g!.Value.Milligrams);
        Assert.Equal(348, bajra.EnergyKcalPer100g!.Value, 0);
        Assert.Equal(("ifct2017", "A003"), (bajra.Origin.Dataset, bajra.Origin.SourceId));
        Assert.Contains("Pearl millet", bajra.CommonNames);
        Assert.True((await IfctImporter.ImportAsync(store)).Datasets.Single().AlreadyImported);
    }

    // Issue 22: IFCT's local names rank IFCT's own food first once it is imported (names.tsv rewrites them into SR28's
    // wording only while no food of the store is called so); before the import they still find SR28's millet and eggplant.
    [Theory]
    [InlineData("ragi", "millet")]
    [InlineData("bajra", "millet")]
    [InlineData("jowar", "sorghum")]
    [InlineData("brinjal", "eggplant")]
    public async Task Ifct_LocalNamesRankIfctsFoodFirst_OnceImported(string query, string sr28Word)
    {
        var store = await NewStoreAsync();
        var before = (await store.SearchFoodsAsync(query, 1)).Single();
        Assert.Contains(sr28Word, before.Name, StringComparison.OrdinalIgnoreCase);
        await IfctImporter.ImportAsync(store);
        var after = (await store.SearchFoodsAsync(query, 3))[0];
        Assert.StartsWith("ifct:", after.FoodId, StringComparison.Ordinal);
        Assert.Contains(query, after.Name, StringComparison.OrdinalIgnoreCase);
        var catalog = await store.LoadCatalogAsync();
        Assert.Equal(after.FoodId, catalog.Search(query, 1).Single().Food.Id.Value);
    }

    /// <summary>Every food row, nutrient, portion, dataset and import row, as text.</summary>
    private static async Task<string> DumpAsync(Store store)
    {
        SqliteConnection.ClearAllPools();
        await using var c = new SqliteConnection($"Data Source={store.Path};Pooling=false");
        await c.OpenAsync();
        var sb = new System.Text.StringBuilder();
        foreach (var sql in new[]
        {
            """SELECT "Ndb", "Name", "Source", "SourceId", "Gtin", "Retired" FROM foods ORDER BY "Ndb" """,
            """SELECT "Ndb", "Nutrient", "Amount" FROM food_nutrients ORDER BY "Ndb", "Nutrient" """,
            """SELECT "Ndb", "Sequence", "Description", "Grams" FROM food_portions ORDER BY "Ndb", "Sequence" """,
            """SELECT "Id", "FoodCount", "Release" FROM datasets ORDER BY "Id" """,
            """SELECT "Dataset", "Fingerprint", "Foods" FROM food_imports ORDER BY "Id" """,
        })
        {
            await using var command = new SqliteCommand(sql, c);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    sb.Append(reader.GetValue(i)).Append('|');
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }
}
