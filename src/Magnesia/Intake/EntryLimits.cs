namespace Magnesia.Intake;

/// <summary>
/// The bounds of what a diary entry, custom food or recipe may hold, the same for every door (the API's request
/// attributes, the pages, the CLI and the import documents read these constants): beyond them a value is a typing
/// mistake or an attack, never a meal.
/// </summary>
public static class EntryLimits
{
    /// <summary>A food cannot hold more of a mineral than its own weight: at most 1,000 mg per gram.</summary>
    public const double MaxMineralMgPerGram = 1_000;

    /// <summary>Fat, the densest nutrient, yields 9 kcal per gram (Atwater factors); 9.5 leaves room for a label's rounding.</summary>
    public const double MaxKcalPerGram = 9.5;

    /// <summary>A custom food's magnesium, calcium or potassium, in mg per <paramref name="basisGrams"/> (a serving, or 100 g).</summary>
    public static Inputs.NumberRange CustomMineralMgRange(double basisGrams) => new(0, basisGrams * MaxMineralMgPerGram, "mg");

    /// <summary>A custom food's energy, in kcal per <paramref name="basisGrams"/>.</summary>
    public static Inputs.NumberRange CustomEnergyKcalRange(double basisGrams) => new(0, basisGrams * MaxKcalPerGram, "kcal");

    /// <summary>The smallest weight an entry may log: a pinch of salt weighs about 0.3 g; less rounds to "0 g" everywhere.</summary>
    public const double MinEntryGrams = 0.1;

    /// <summary>Longest household portion description ("1 cup, chopped").</summary>
    public const int MaxPortionLength = 100;

    /// <summary>Most portions one entry may count.</summary>
    public const double MaxQuantity = 1_000;

    /// <summary>Most supplement salt one entry may weigh, mg.</summary>
    public const double MaxCompoundMilligrams = 100_000;

    /// <summary>Most calcium a supplement entry may add, mg.</summary>
    public const double MaxCalciumMilligrams = 10_000;

    /// <summary>Longest note on a symptom.</summary>
    public const int MaxNoteLength = 1_000;

    /// <summary>Longest name of a custom food, recipe or product.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Most servings a recipe may make.</summary>
    public const double MaxServings = 1_000;

    /// <summary>The weight of one entry, custom serving or recipe ingredient, g.</summary>
    public static Inputs.NumberRange GramsRange { get; } = new(MinEntryGrams, Amounts.MaxEntryGrams, "g");

    /// <summary>How many portions one entry counts.</summary>
    public static Inputs.NumberRange QuantityRange { get; } = new(0, MaxQuantity, "", MinExclusive: true);

    /// <summary>The supplement salt one entry weighs, mg.</summary>
    public static Inputs.NumberRange CompoundMgRange { get; } = new(0, MaxCompoundMilligrams, "mg", MinExclusive: true);

    /// <summary>The calcium a supplement entry adds, mg.</summary>
    public static Inputs.NumberRange CalciumMgRange { get; } = new(0, MaxCalciumMilligrams, "mg");

    /// <summary>How severe a symptom is, 1 (mild) to 5.</summary>
    public static Inputs.NumberRange SeverityRange { get; } = new(1, 5);

    /// <summary>How many servings a recipe makes.</summary>
    public static Inputs.NumberRange ServingsRange { get; } = new(0, MaxServings, "", MinExclusive: true);

    /// <summary>Elemental magnesium in one tablet or capsule of a product, mg.</summary>
    public static Inputs.NumberRange ElementalMgPerUnitRange { get; } = new(0, 1_000, "mg", MinExclusive: true);

    /// <summary>Tablets or capsules in a pack.</summary>
    public static Inputs.NumberRange UnitsPerPackRange { get; } = new(1, 10_000);

    /// <summary>A price of a pack or of a food quantity, in the user's currency.</summary>
    public static Inputs.NumberRange PriceRange { get; } = new(0, 1_000_000);
}
