using Magnesia.Units;

namespace Magnesia.Foods;

/// <summary>A household measure of a food and its weight, e.g. "1 cup" = 30 g.</summary>
/// <param name="Description">The measure as SR28 prints it (<c>GmWt_Desc</c>).</param>
/// <param name="Grams">Its weight in grams (<c>GmWt</c>); positive.</param>
public sealed record FoodPortion(string Description, double Grams);

/// <summary>
/// A food with its composition per 100 g of edible portion. Missing values (SR28 leaves a field empty when a
/// nutrient was not analysed) are null, never zero.
/// </summary>
/// <param name="Id">The food's id in the store (<see cref="FoodId"/>): the NDB number for SR28 foods (leading zeros kept,
/// e.g. <c>09040</c>), <c>fdc:</c> and the FDC id for FoodData Central foods, <c>ifct:</c> and the code for IFCT foods.</param>
/// <param name="Name">Long description, e.g. <c>Bananas, raw</c>.</param>
/// <param name="Group">The SR28 food group.</param>
/// <param name="CommonNames">Other names, e.g. <c>pepitas</c>.</param>
/// <param name="Manufacturer">Manufacturer for branded foods; null otherwise.</param>
/// <param name="Per100g">Every nutrient per 100 g; a value the data leaves empty is marked missing.</param>
/// <param name="Portions">Household measures.</param>
/// <param name="SurveyFood">True when USDA uses the food to code what NHANES participants reported eating
/// (SR28 <c>Survey</c> = Y): a commonly eaten food.</param>
/// <param name="Provenance">The dataset and the food's id in it; null for an SR28 food built without one (its id is the NDB number).</param>
public sealed record Food(
    FoodId Id,
    string Name,
    FoodGroup Group,
    IReadOnlyList<string> CommonNames,
    string? Manufacturer,
    Intake.Nutrients Per100g,
    IReadOnlyList<FoodPortion> Portions,
    bool SurveyFood = false,
    FoodProvenance? Provenance = null)
{
    /// <summary>Where the food's values come from (SR28 with the NDB number when not given).</summary>
    public FoodProvenance Origin => Provenance ?? new FoodProvenance(FoodDatasets.Sr28.Id, Id);

    /// <summary>True for a manufacturer's product.</summary>
    public bool Branded => Manufacturer is not null || Origin.Source.Branded;

    /// <summary>Magnesium per 100 g; null when the food has no magnesium value.</summary>
    public Mass? MagnesiumPer100g => Per100g.IsMissing(Nutrient.Magnesium) ? null : Per100g.Magnesium;

    /// <summary>Energy per 100 g, kcal; null when not given.</summary>
    public double? EnergyKcalPer100g => Per100g.Value(Nutrient.Energy);

    /// <summary>Magnesium in <paramref name="grams"/> of the food; null when the food has no magnesium value.</summary>
    public Mass? MagnesiumIn(double grams)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(grams);
        return MagnesiumPer100g?.Scale(grams / 100.0);
    }

    /// <summary>Magnesium per 100 kcal; null when either value is missing or the food has no energy.</summary>
    public Mass? MagnesiumPer100Kcal =>
        MagnesiumPer100g is { } mg && EnergyKcalPer100g is > 0 and var kcal ? mg.Scale(100.0 / kcal) : null;
}
