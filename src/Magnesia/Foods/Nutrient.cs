namespace Magnesia.Foods;

/// <summary>A nutrient Magnesia tracks. Adding one is a member here and a row in <see cref="NutrientTable"/>.</summary>
public enum Nutrient
{
    /// <summary>Magnesium, mg.</summary>
    Magnesium,

    /// <summary>Calcium, mg.</summary>
    Calcium,

    /// <summary>Potassium, mg.</summary>
    Potassium,

    /// <summary>Sodium, mg.</summary>
    Sodium,

    /// <summary>Phosphorus, mg.</summary>
    Phosphorus,

    /// <summary>Zinc, mg.</summary>
    Zinc,

    /// <summary>Total dietary fibre, g.</summary>
    Fiber,

    /// <summary>Energy, kcal.</summary>
    Energy,

    /// <summary>Protein, g.</summary>
    Protein,

    /// <summary>Carbohydrate by difference, g.</summary>
    Carbohydrate,

    /// <summary>Total sugars, g.</summary>
    Sugars,

    /// <summary>Total fat (total lipid), g.</summary>
    Fat,
}

/// <summary>The unit a nutrient is given in.</summary>
public enum NutrientUnit
{
    /// <summary>Milligrams.</summary>
    Milligram,

    /// <summary>Grams.</summary>
    Gram,

    /// <summary>Kilocalories.</summary>
    Kilocalorie,
}

/// <summary>What Magnesia knows about a nutrient: its id, unit and where SR28 gives it.</summary>
/// <param name="Nutrient">The nutrient.</param>
/// <param name="Id">Stable id, e.g. <c>sodium</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Unit">Unit of amounts.</param>
/// <param name="Sr28Field">The SR28 <c>ABBREV.txt</c> field name (SR28 documentation, "Abbreviated file", p. 44).</param>
/// <param name="Sr28Column">Its 0-based column in <c>ABBREV.txt</c>.</param>
public sealed record NutrientInfo(Nutrient Nutrient, string Id, string Name, NutrientUnit Unit, string Sr28Field, int Sr28Column)
{
    /// <summary><c>mg</c>, <c>g</c> or <c>kcal</c>.</summary>
    public string UnitSymbol => Unit switch { NutrientUnit.Milligram => "mg", NutrientUnit.Gram => "g", _ => "kcal" };

    /// <summary>The JSON name with its unit: <c>sodiumMg</c>, <c>fiberG</c>, <c>energyKcal</c>.</summary>
    public string JsonName => Id + Unit switch { NutrientUnit.Milligram => "Mg", NutrientUnit.Gram => "G", _ => "Kcal" };

    /// <summary>The most that 100 g of a food can hold, for validating imported data.</summary>
    public double MaxPer100g => Unit switch { NutrientUnit.Milligram => 100_000, NutrientUnit.Gram => 100, _ => 1_000 };
}

/// <summary>
/// The nutrient table: one row per <see cref="Nutrient"/>, in enum order. SR28 columns are those of the abbreviated
/// file (USDA ARS, Composition of Foods Raw, Processed, Prepared — SR28 Documentation and User Guide, 2015, p. 44):
/// NDB_No 0, Shrt_Desc 1, Water 2, Energ_Kcal 3, Protein 4, Lipid_Tot 5, Ash 6, Carbohydrt 7, Fiber_TD 8, Sugar_Tot 9,
/// Calcium 10, Iron 11, Magnesium 12, Phosphorus 13, Potassium 14, Sodium 15, Zinc 16.
/// </summary>
public static class NutrientTable
{
    /// <summary>Every nutrient, in enum order.</summary>
    public static IReadOnlyList<NutrientInfo> All { get; } =
    [
        new(Nutrient.Magnesium, "magnesium", "Magnesium", NutrientUnit.Milligram, "Magnesium_(mg)", 12),
        new(Nutrient.Calcium, "calcium", "Calcium", NutrientUnit.Milligram, "Calcium_(mg)", 10),
        new(Nutrient.Potassium, "potassium", "Potassium", NutrientUnit.Milligram, "Potassium_(mg)", 14),
        new(Nutrient.Sodium, "sodium", "Sodium", NutrientUnit.Milligram, "Sodium_(mg)", 15),
        new(Nutrient.Phosphorus, "phosphorus", "Phosphorus", NutrientUnit.Milligram, "Phosphorus_(mg)", 13),
        new(Nutrient.Zinc, "zinc", "Zinc", NutrientUnit.Milligram, "Zinc_(mg)", 16),
        new(Nutrient.Fiber, "fiber", "Dietary fibre", NutrientUnit.Gram, "Fiber_TD_(g)", 8),
        new(Nutrient.Energy, "energy", "Energy", NutrientUnit.Kilocalorie, "Energ_Kcal", 3),
        new(Nutrient.Protein, "protein", "Protein", NutrientUnit.Gram, "Protein_(g)", 4),
        new(Nutrient.Carbohydrate, "carbohydrate", "Carbohydrate", NutrientUnit.Gram, "Carbohydrt_(g)", 7),
        new(Nutrient.Sugars, "sugars", "Total sugars", NutrientUnit.Gram, "Sugar_Tot_(g)", 9),
        new(Nutrient.Fat, "fat", "Total fat", NutrientUnit.Gram, "Lipid_Tot_(g)", 5),
    ];

    /// <summary>The row of a nutrient.</summary>
    public static NutrientInfo Info(this Nutrient nutrient) => All[(int)nutrient];

    /// <summary>Finds a nutrient by id; null when unknown.</summary>
    public static NutrientInfo? Find(string id) => All.FirstOrDefault(n => string.Equals(n.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));
}
