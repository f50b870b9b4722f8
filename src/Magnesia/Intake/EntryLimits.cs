namespace Magnesia.Intake;

/// <summary>
/// The bounds of what a diary entry, custom food or recipe may hold, the same for every door (the API's request
/// attributes, the pages, the CLI and the import documents read these constants): beyond them a value is a typing
/// mistake or an attack, never a meal.
/// </summary>
public static class EntryLimits
{
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
}
