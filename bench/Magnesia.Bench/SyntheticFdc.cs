using System.Globalization;
using System.Text;
using Magnesia.Foods;
using Magnesia.Intake;

namespace Magnesia.Bench;

/// <summary>
/// A made-up Branded Foods release in the FDC CSV layout, for the import benchmark and for checking that search stays right
/// when hundreds of thousands of branded products sit beside SR28. Product names are built the way brand owners write
/// them in FDC (upper case, product then flavour: "GREEK YOGURT, STRAWBERRY") from everyday food words, so generic
/// queries ("milk", "spinach", "almonds") meet many branded look-alikes. Deterministic for a seed. Shared with the tests.
/// </summary>
public static class SyntheticFdc
{
    private static readonly string[] Products =
    [
        "WHOLE MILK", "2% REDUCED FAT MILK", "CHOCOLATE MILK", "ALMOND MILK", "OAT MILK", "SOY MILK", "GREEK YOGURT", "YOGURT", "CHEDDAR CHEESE", "MOZZARELLA CHEESE",
        "PEANUT BUTTER", "ALMOND BUTTER", "ALMONDS", "ROASTED ALMONDS", "CASHEWS", "MIXED NUTS", "WALNUTS", "PUMPKIN SEEDS", "SUNFLOWER SEEDS", "CHIA SEEDS",
        "BABY SPINACH", "SPINACH", "KALE", "BROCCOLI FLORETS", "GREEN BEANS", "SWEET CORN", "PEAS", "CARROTS", "POTATOES", "SWEET POTATO FRIES",
        "BANANA CHIPS", "DRIED MANGO", "RAISINS", "APPLE SAUCE", "ORANGE JUICE", "APPLE JUICE", "STRAWBERRY JAM", "BLUEBERRIES", "AVOCADO", "BANANAS",
        "WHITE RICE", "BROWN RICE", "QUINOA", "ROLLED OATS", "INSTANT OATMEAL", "GRANOLA", "CORN FLAKES", "WHOLE WHEAT BREAD", "WHITE BREAD", "BAGELS",
        "SPAGHETTI", "PENNE PASTA", "MACARONI AND CHEESE", "TORTILLA CHIPS", "POTATO CHIPS", "PRETZELS", "CRACKERS", "COOKIES", "CHOCOLATE CHIP COOKIES", "DARK CHOCOLATE",
        "MILK CHOCOLATE", "CHOCOLATE BAR", "PROTEIN BAR", "GRANOLA BAR", "ICE CREAM", "FROZEN PIZZA", "CHICKEN BREAST", "ROTISSERIE CHICKEN", "GROUND BEEF", "BEEF JERKY",
        "SALMON FILLETS", "TUNA IN WATER", "SARDINES IN OIL", "SHRIMP", "EGGS", "TOFU", "BLACK BEANS", "CHICKPEAS", "LENTIL SOUP", "HUMMUS",
        "TOMATO SAUCE", "SALSA", "KETCHUP", "MUSTARD", "MAYONNAISE", "OLIVE OIL", "COCONUT WATER", "SPORTS DRINK", "COLA", "COFFEE",
        "GREEN TEA", "HONEY", "MAPLE SYRUP", "BROWN SUGAR", "FLOUR", "BAKING MIX", "PANCAKE MIX", "WAFFLES", "MUFFINS", "CEREAL",
    ];

    private static readonly string[] Flavours =
    [
        "", "", "", "ORIGINAL", "UNSWEETENED", "VANILLA", "STRAWBERRY", "CHOCOLATE", "SEA SALT", "HONEY ROASTED", "ORGANIC", "LOW FAT", "NO SALT ADDED", "SPICY", "BARBECUE",
        "CINNAMON", "BLUEBERRY", "LIGHTLY SALTED", "FAMILY SIZE", "KIDS", "CLASSIC", "EXTRA CRUNCHY", "WHOLE GRAIN", "GLUTEN FREE", "PLANT BASED",
    ];

    private static readonly string[] BrandWords =
    [
        "Acme", "Northfield", "Golden", "Harvest", "Prairie", "Summit", "Blue", "River", "Sunny", "Maple", "Oak", "Pine", "Valley", "Coastal", "Heritage", "Liberty",
        "Meadow", "Orchard", "Willow", "Cedar", "Silver", "Red", "Green", "Happy", "Farmstead", "Lakeside", "Hilltop", "Crescent", "Evergreen", "Bright",
    ];

    private static readonly string[] BrandKinds = ["Foods", "Farms", "Dairy", "Kitchen", "Bakery", "Provisions", "Market", "Brands", "Co.", "Naturals"];

    /// <summary>The brand owner of product <paramref name="i"/>: one of 300 made-up companies.</summary>
    public static string Owner(int i) => $"{BrandWords[i % BrandWords.Length]} {BrandWords[i / 7 % BrandWords.Length]} {BrandKinds[i / 3 % BrandKinds.Length]}, Inc.";

    /// <summary>The product name of product <paramref name="i"/>.</summary>
    public static string Name(int i, Random random)
    {
        var product = Products[random.Next(Products.Length)];
        var flavour = Flavours[random.Next(Flavours.Length)];
        return flavour.Length == 0 ? product : $"{product}, {flavour}";
    }

    /// <summary>A valid GTIN-12 (UPC-A) for product <paramref name="i"/>.</summary>
    public static string Upc(int i)
    {
        var body = (100_000_000_00L + i).ToString("D11", CultureInfo.InvariantCulture);
        return body + Gtin.CheckDigit(body).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Made-up branded foods as domain foods (for the search evaluation with branded products beside SR28).</summary>
    public static IEnumerable<Food> BrandedFoods(int count, int seed = 12)
    {
        var random = new Random(seed);
        var group = new FoodGroup("FDCB", "Branded foods");
        for (var i = 0; i < count; i++)
        {
            var name = Name(i, random);
            var fdcId = 3_000_000 + i;
            var owner = Owner(random.Next(300));
            var per100g = Nutrients.FromMilli([KeyValuePair.Create(Nutrient.Magnesium, (long)random.Next(0, 200_000)), KeyValuePair.Create(Nutrient.Energy, (long)random.Next(0, 600_000))]);
            yield return new Food(FoodId.Parse("fdc:" + fdcId.ToString(CultureInfo.InvariantCulture)), name, group, [], null, per100g, [new FoodPortion("1 serving", 30)],
                Provenance: new FoodProvenance(FoodDatasets.FdcBranded.Id, fdcId.ToString(CultureInfo.InvariantCulture), Gtin.Parse(Upc(i), out _), owner, null, "2099-01-01"));
        }
    }

    /// <summary>The nutrient ids written per food: the tracked ones and others a release carries.</summary>
    private static readonly (int Id, string Name, string Unit, double Max)[] NutrientRows =
    [
        (1090, "Magnesium, Mg", "MG", 400), (1087, "Calcium, Ca", "MG", 1000), (1092, "Potassium, K", "MG", 1500), (1093, "Sodium, Na", "MG", 2000),
        (1091, "Phosphorus, P", "MG", 800), (1095, "Zinc, Zn", "MG", 10), (1079, "Fiber, total dietary", "G", 20), (1008, "Energy", "KCAL", 600),
        (1003, "Protein", "G", 40), (1005, "Carbohydrate, by difference", "G", 90), (2000, "Total Sugars", "G", 60), (1004, "Total lipid (fat)", "G", 60),
        (1051, "Water", "G", 95), (1089, "Iron, Fe", "MG", 20), (1162, "Vitamin C, total ascorbic acid", "MG", 100), (1253, "Cholesterol", "MG", 300),
        (1258, "Fatty acids, total saturated", "G", 30), (1257, "Fatty acids, total trans", "G", 2), (1104, "Vitamin A, IU", "IU", 5000), (1110, "Vitamin D (D2 + D3), International Units", "IU", 400),
    ];

    /// <summary>Writes a Branded Foods release of <paramref name="foods"/> foods and 20 nutrient rows each into <paramref name="folder"/>.</summary>
    /// <returns>Rows written, every file.</returns>
    public static long WriteRelease(string folder, int foods, int seed = 7)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        long rows = 0;
        using (var w = Writer("nutrient.csv"))
        {
            w.WriteLine("\"id\",\"name\",\"unit_name\",\"nutrient_nbr\",\"rank\"");
            foreach (var n in NutrientRows)
                w.WriteLine($"\"{n.Id}\",\"{n.Name}\",\"{n.Unit}\",\"\",\"\"");
            rows += NutrientRows.Length;
        }

        using (var w = Writer("measure_unit.csv"))
            w.WriteLine("\"id\",\"name\"\n\"1000\",\"cup\"\n\"9999\",\"undetermined\"");
        using (var w = Writer("food_category.csv"))
            w.WriteLine("\"id\",\"code\",\"description\"\n\"1\",\"0100\",\"Dairy and Egg Products\"");
        using (StreamWriter food = Writer("food.csv"), branded = Writer("branded_food.csv"), nutrient = Writer("food_nutrient.csv"))
        {
            food.WriteLine("\"fdc_id\",\"data_type\",\"description\",\"food_category_id\",\"publication_date\"");
            branded.WriteLine("\"fdc_id\",\"brand_owner\",\"brand_name\",\"subbrand_name\",\"gtin_upc\",\"ingredients\",\"serving_size\",\"serving_size_unit\",\"household_serving_fulltext\",\"branded_food_category\",\"data_source\",\"modified_date\",\"available_date\",\"market_country\"");
            nutrient.WriteLine("\"id\",\"fdc_id\",\"nutrient_id\",\"amount\",\"data_points\",\"derivation_id\",\"min\",\"max\",\"median\",\"footnote\",\"min_year_acquired\"");
            long nutrientRowId = 30_000_000;
            for (var i = 0; i < foods; i++)
            {
                var fdcId = 3_000_000 + i;
                var name = Name(i, random);
                food.WriteLine($"\"{fdcId}\",\"branded_food\",\"{name}\",\"Snacks\",\"2099-01-01\"");
                var owner = Owner(random.Next(300));
                branded.WriteLine($"\"{fdcId}\",\"{owner}\",\"\",\"\",\"{Upc(i)}\",\"WATER, SUGAR, \"\"NATURAL\"\" FLAVOR\",\"{random.Next(10, 250)}\",\"g\",\"1 serving\",\"Snacks\",\"GDSN\",\"2099-01-01\",\"2099-01-01\",\"United States\"");
                foreach (var n in NutrientRows)
                {
                    var amount = Math.Round(random.NextDouble() * n.Max, 2).ToString(CultureInfo.InvariantCulture);
                    nutrient.WriteLine($"\"{nutrientRowId++}\",\"{fdcId}\",\"{n.Id}\",\"{amount}\",\"\",\"75\",\"\",\"\",\"\",\"\",\"\"");
                }
            }

            rows += 2L * foods + (long)foods * NutrientRows.Length;
        }

        return rows;

        StreamWriter Writer(string name) => new(Path.Combine(folder, name), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    }
}
