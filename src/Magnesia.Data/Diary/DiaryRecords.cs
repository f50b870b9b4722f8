using Magnesia.Intake;

namespace Magnesia.Data.Diary;

// EF Core rows of the intake diary. Every row is keyed by user so that the web face can add accounts; the CLI uses
// the single user "local". Masses are whole micrograms (exact sums, sortable in SQL); dates are DateOnly.

/// <summary>The person a diary belongs to.</summary>
public sealed class ProfileRecord
{
    /// <summary>Owner.</summary>
    public required string UserId { get; set; }

    /// <summary><c>female</c> or <c>male</c>.</summary>
    public required string Sex { get; set; }

    /// <summary>Birth date, when given.</summary>
    public DateOnly? BirthDate { get; set; }

    /// <summary>Age in years on <see cref="AgeRecordedOn"/>, when no birth date is given.</summary>
    public int? AgeYears { get; set; }

    /// <summary>The day the age was recorded.</summary>
    public DateOnly? AgeRecordedOn { get; set; }

    /// <summary>Body weight, kg.</summary>
    public double? WeightKg { get; set; }

    /// <summary>Medication ids separated by commas.</summary>
    public string? Medications { get; set; }

    /// <summary>Pregnancy and lactation periods.</summary>
    public List<ProfilePeriodRecord> Periods { get; set; } = [];
}

/// <summary>A pregnancy or lactation period of a profile.</summary>
public sealed class ProfilePeriodRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>Owner.</summary>
    public required string UserId { get; set; }

    /// <summary>Pregnancy or lactation (stored as <c>pregnancy</c> / <c>lactation</c>).</summary>
    public required PeriodKind Kind { get; set; }

    /// <summary>First day.</summary>
    public DateOnly From { get; set; }

    /// <summary>Last day.</summary>
    public DateOnly To { get; set; }
}

/// <summary>A user-defined food, per 100 g.</summary>
public sealed class CustomFoodRecord
{
    /// <summary>Row id; shown as <c>c{Id}</c>.</summary>
    public long Id { get; set; }

    /// <summary>Owner.</summary>
    public required string UserId { get; set; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>Nutrients per 100 g (those the label gave).</summary>
    public List<CustomFoodNutrientRecord> Nutrients { get; set; } = [];

    /// <summary>Serving size from the label, g.</summary>
    public double? ServingGrams { get; set; }
}

/// <summary>One nutrient of a custom food per 100 g, in thousandths of its unit.</summary>
public sealed class CustomFoodNutrientRecord
{
    /// <summary>The custom food.</summary>
    public long CustomFoodId { get; set; }

    /// <summary>The nutrient.</summary>
    public Magnesia.Foods.Nutrient Nutrient { get; set; }

    /// <summary>Amount per 100 g, thousandths of the unit.</summary>
    public long Amount { get; set; }
}

/// <summary>A recipe.</summary>
public sealed class RecipeRecord
{
    /// <summary>Row id; shown as <c>r{Id}</c>.</summary>
    public long Id { get; set; }

    /// <summary>Owner.</summary>
    public required string UserId { get; set; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>Servings the recipe makes.</summary>
    public double Servings { get; set; }

    /// <summary>Ingredients, in order.</summary>
    public List<RecipeIngredientRecord> Ingredients { get; set; } = [];
}

/// <summary>One ingredient of a recipe.</summary>
public sealed class RecipeIngredientRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The recipe.</summary>
    public long RecipeId { get; set; }

    /// <summary>Order within the recipe.</summary>
    public int Sequence { get; set; }

    /// <summary>NDB number or custom food id.</summary>
    public required string FoodRef { get; set; }

    /// <summary>Grams.</summary>
    public double Grams { get; set; }
}

/// <summary>A food, supplement or symptom entry of the diary (one id space, so <c>entries delete</c> takes any).</summary>
public sealed class EntryRecord
{
    /// <summary>Entry id.</summary>
    public long Id { get; set; }

    /// <summary>Owner.</summary>
    public required string UserId { get; set; }

    /// <summary>Day.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Food, supplement or symptom (stored as <c>food</c>, <c>supplement</c>, <c>symptom</c>).</summary>
    public required EntryKind Kind { get; set; }

    /// <summary>Meal, for foods (stored as <c>breakfast</c>…).</summary>
    public Meal? Meal { get; set; }

    /// <summary>NDB number, custom food id or recipe id, for foods.</summary>
    public string? FoodRef { get; set; }

    /// <summary>Grams, for foods.</summary>
    public double? Grams { get; set; }

    /// <summary>Portion or unit as entered, for foods.</summary>
    public string? PortionEntered { get; set; }

    /// <summary>Quantity as entered, for foods.</summary>
    public double? QuantityEntered { get; set; }

    /// <summary>Salt form id, for supplements.</summary>
    public string? FormId { get; set; }

    /// <summary>Elemental magnesium, µg, for supplements.</summary>
    public long? ElementalMagnesiumUg { get; set; }

    /// <summary>Compound mass as entered, mg, for supplements.</summary>
    public double? CompoundMg { get; set; }

    /// <summary>Calcium from the supplement, µg.</summary>
    public long? CalciumUg { get; set; }

    /// <summary>Deficiency sign id, for symptoms.</summary>
    public string? SignId { get; set; }

    /// <summary>Severity 1–5, for symptoms.</summary>
    public int? Severity { get; set; }

    /// <summary>Free text, for symptoms.</summary>
    public string? Note { get; set; }
}

/// <summary>A dated lab result, keyed by LOINC code.</summary>
public sealed class LabRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>Owner.</summary>
    public required string UserId { get; set; }

    /// <summary>Day of the sample.</summary>
    public DateOnly Date { get; set; }

    /// <summary>LOINC code.</summary>
    public required string Loinc { get; set; }

    /// <summary>Value as reported.</summary>
    public double Value { get; set; }

    /// <summary>Unit as reported.</summary>
    public required string Unit { get; set; }
}

/// <summary>A supplement product the user keeps (<c>products add</c>).</summary>
public sealed class SupplementProductRecord
{
    /// <summary>Row id (the product id is <c>p</c> + this).</summary>
    public long Id { get; set; }

    /// <summary>Owner.</summary>
    public required string UserId { get; set; }

    /// <summary>Name as on the label.</summary>
    public required string Name { get; set; }

    /// <summary>Salt form id.</summary>
    public required string FormId { get; set; }

    /// <summary>Elemental magnesium per unit, mg.</summary>
    public double ElementalMgPerUnit { get; set; }

    /// <summary>Units per pack.</summary>
    public int Units { get; set; }

    /// <summary>Pack price.</summary>
    public double Price { get; set; }
}

/// <summary>A food the user starred, in the amount they usually have it, to log in one press.</summary>
public sealed class FavouriteFoodRecord
{
    /// <summary>Owner.</summary>
    public required string UserId { get; set; }

    /// <summary>The food: a catalogue id, <c>c5</c> or <c>r2</c>.</summary>
    public required string FoodRef { get; set; }

    /// <summary>The portion as entered (<c>1 large</c>, or <c>g</c>).</summary>
    public required string Portion { get; set; }

    /// <summary>How many of <see cref="Portion"/> (grams when it is <c>g</c>).</summary>
    public double Quantity { get; set; }

    /// <summary>What the amount weighed when it was starred.</summary>
    public double Grams { get; set; }

    /// <summary>When it was starred (UTC): the newest first.</summary>
    public DateTime AddedAt { get; set; }
}

/// <summary>A food price the user set (<c>prices set</c>), for cost-minimising food plans.</summary>
public sealed class FoodPriceRecord
{
    /// <summary>Owner.</summary>
    public required string UserId { get; set; }

    /// <summary>SR28 NDB number.</summary>
    public required string Ndb { get; set; }

    /// <summary>Price as entered.</summary>
    public double Price { get; set; }

    /// <summary>The quantity the price is for: <c>100g</c>, <c>kg</c> or <c>lb</c>.</summary>
    public required string Per { get; set; }

    /// <summary>Price per gram, from <see cref="Price"/> and <see cref="Per"/>.</summary>
    public double PricePerGram { get; set; }
}
