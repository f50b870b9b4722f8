using Magnesia.Units;

namespace Magnesia.Intake;

/// <summary>The meal an entry belongs to.</summary>
public enum Meal
{
    /// <summary>Breakfast.</summary>
    Breakfast,

    /// <summary>Lunch.</summary>
    Lunch,

    /// <summary>Dinner.</summary>
    Dinner,

    /// <summary>Snack.</summary>
    Snack,
}

/// <summary>What a food entry refers to.</summary>
public enum FoodSource
{
    /// <summary>A catalogue food (SR28, FoodData Central or IFCT) by its <see cref="Foods.FoodId"/>.</summary>
    Catalog,

    /// <summary>A custom food (<see cref="CustomFoodId"/>: <c>c1</c>, <c>c2</c>…).</summary>
    Custom,

    /// <summary>A recipe (<see cref="RecipeId"/>: <c>r1</c>, <c>r2</c>…).</summary>
    Recipe,
}

/// <summary>A reference to something eaten: a catalogue food id, a custom food id or a recipe id.</summary>
/// <param name="Source">Which kind.</param>
/// <param name="Id">The catalogue food id (<c>11457</c>, <c>fdc:2346403</c>), custom id (<c>c1</c>) or recipe id (<c>r1</c>).</param>
public readonly record struct FoodRef(FoodSource Source, string Id)
{
    /// <summary>A catalogue food.</summary>
    public static FoodRef Catalog(Foods.FoodId id) => new(FoodSource.Catalog, id.Value);

    /// <summary>A custom food.</summary>
    public static FoodRef Custom(CustomFoodId id) => new(FoodSource.Custom, id.ToString());

    /// <summary>A recipe.</summary>
    public static FoodRef Recipe(RecipeId id) => new(FoodSource.Recipe, id.ToString());

    /// <summary>Parses a catalogue food's id (<c>11457</c>, also <c>9040</c> → <c>09040</c>; <c>fdc:2346403</c>; <c>ifct:A001</c>), <c>c3</c> or <c>r2</c>; null otherwise.</summary>
    public static FoodRef? Parse(string? text)
    {
        if (Foods.FoodId.TryParse(text, out var food))
            return Catalog(food);
        if (CustomFoodId.TryParse(text, out var custom))
            return Custom(custom);
        if (RecipeId.TryParse(text, out var recipe))
            return Recipe(recipe);
        return null;
    }

    /// <summary>The store's row id of a custom food or recipe (<c>c12</c> → 12).</summary>
    /// <exception cref="InvalidOperationException">The reference is to a catalogue food.</exception>
    public long RowId => Source switch
    {
        FoodSource.Custom when CustomFoodId.TryParse(Id, out var c) => c.Value,
        FoodSource.Recipe when RecipeId.TryParse(Id, out var r) => r.Value,
        _ => throw new InvalidOperationException($"{Id} is not a custom food or recipe."),
    };

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>How an amount was entered, kept for display: "2 × 1 cup" or "150 g".</summary>
/// <param name="Portion">The portion description or unit (<c>1 cup</c>, <c>g</c>, <c>oz</c>, <c>lb</c>, <c>serving</c>).</param>
/// <param name="Quantity">How many.</param>
public sealed record AmountEntered(string Portion, double Quantity)
{
    /// <summary>The amount as a person reads it: "150 g", "1 large", "2 × 1 large".</summary>
    public string Label =>
        Portion is "g" or "oz" or "lb" ? $"{Quantity.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} {Portion}"
        : Quantity == 1 ? Portion : $"{Quantity.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} × {Portion}";
}

/// <summary>A food, custom food or recipe eaten on a day. Nutrients are computed at read time from the food.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="Date">Day eaten.</param>
/// <param name="Meal">Meal, if given.</param>
/// <param name="Food">What was eaten.</param>
/// <param name="Grams">Amount in grams; positive.</param>
/// <param name="Entered">The amount as the user entered it.</param>
public sealed record FoodEntry(long Id, DateOnly Date, Meal? Meal, FoodRef Food, double Grams, AmountEntered Entered);

/// <summary>A supplement taken on a day: elemental magnesium (as US labels print it), optional calcium.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="Date">Day taken.</param>
/// <param name="FormId">Salt form id from <see cref="References.SupplementForms"/>.</param>
/// <param name="ElementalMagnesium">Elemental magnesium.</param>
/// <param name="CompoundMilligrams">The compound mass entered, when the dose was given that way.</param>
/// <param name="Calcium">Calcium from the supplement.</param>
public sealed record SupplementEntry(long Id, DateOnly Date, string FormId, Mass ElementalMagnesium, double? CompoundMilligrams, Mass Calcium);

/// <summary>A deficiency sign noted on a day.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="Date">Day.</param>
/// <param name="SignId">Id from <see cref="References.DeficiencySigns"/>.</param>
/// <param name="Severity">1 (mild) to 5 (severe).</param>
/// <param name="Note">Free text.</param>
public sealed record SymptomEntry(long Id, DateOnly Date, string SignId, int Severity, string? Note);

/// <summary>A food the user defined from a label, stored per 100 g.</summary>
/// <param name="Id">Id, <c>c1</c>, <c>c2</c>…</param>
/// <param name="Name">Name.</param>
/// <param name="Per100g">Nutrients per 100 g.</param>
/// <param name="ServingGrams">The label's serving size, offered as the portion "serving".</param>
public sealed record CustomFood(string Id, string Name, Nutrients Per100g, double? ServingGrams);

/// <summary>An ingredient of a recipe.</summary>
/// <param name="Food">The food (an SR28 food or a custom food).</param>
/// <param name="Grams">Amount in grams.</param>
public sealed record RecipeIngredient(FoodRef Food, double Grams);

/// <summary>A recipe: its nutrients are the sum of its ingredients; one serving is that sum over the servings.</summary>
/// <param name="Id">Id, <c>r1</c>, <c>r2</c>…</param>
/// <param name="Name">Name.</param>
/// <param name="Servings">Number of servings the recipe makes; positive.</param>
/// <param name="Ingredients">Ingredients.</param>
public sealed record Recipe(string Id, string Name, double Servings, IReadOnlyList<RecipeIngredient> Ingredients)
{
    /// <summary>Total weight of the ingredients, g.</summary>
    public double TotalGrams => Ingredients.Sum(i => i.Grams);

    /// <summary>Weight of one serving, g.</summary>
    public double ServingGrams => TotalGrams / Servings;
}

/// <summary>What a diary entry records.</summary>
public enum EntryKind
{
    /// <summary>A food, custom food or recipe eaten.</summary>
    Food,

    /// <summary>A supplement taken.</summary>
    Supplement,

    /// <summary>A deficiency sign noted.</summary>
    Symptom,
}

/// <summary>A period of a profile that changes the life stage.</summary>
public enum PeriodKind
{
    /// <summary>Pregnancy.</summary>
    Pregnancy,

    /// <summary>Lactation (breastfeeding).</summary>
    Lactation,
}

/// <summary>What a line of a day report is: the <c>kind</c> of <c>day --json</c> entries.</summary>
public enum IntakeKind
{
    /// <summary>A USDA food.</summary>
    Food,

    /// <summary>A custom food.</summary>
    Custom,

    /// <summary>A recipe.</summary>
    Recipe,

    /// <summary>A supplement.</summary>
    Supplement,
}

/// <summary>
/// The readable names the diary's enums have in JSON, CSV and the store: the member name in lower case
/// (<c>lunch</c>, <c>supplement</c>, <c>pregnancy</c>).
/// </summary>
public static class ContractNames
{
    /// <summary>The lower-case name of a value.</summary>
    public static string Name<T>(this T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>Parses a lower-case (or any-case) name; null when it names no member (numbers are not names).</summary>
    public static T? Parse<T>(string? name)
        where T : struct, Enum =>
        name is { Length: > 0 } && !char.IsAsciiDigit(name.Trim()[0]) && Enum.TryParse<T>(name.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : null;
}
