using Magnesia.References;

namespace Magnesia.Planning;

/// <summary>A supplement product the person can buy: its form, elemental magnesium per unit, units per pack and price.</summary>
/// <param name="Id">Id: <c>p1</c>, <c>p2</c>, …</param>
/// <param name="Name">Name as on the label.</param>
/// <param name="Form">Salt form.</param>
/// <param name="ElementalMgPerUnit">Elemental magnesium per tablet or capsule, mg (US labels state elemental magnesium).</param>
/// <param name="Units">Units per pack.</param>
/// <param name="Price">Price of the pack, in the person's currency.</param>
public sealed record SupplementProduct(string Id, string Name, SupplementForm Form, double ElementalMgPerUnit, int Units, double Price)
{
    /// <summary>Price of 100 mg of elemental magnesium: price ÷ (units × mg per unit) × 100.</summary>
    public double CostPer100MgElemental => Price / (Units * ElementalMgPerUnit) * 100;

    /// <summary>Price of 30 days at <paramref name="unitsPerDay"/> units a day: units used ÷ units per pack × price.</summary>
    public double CostPerMonth(int unitsPerDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unitsPerDay);
        return 30.0 * unitsPerDay / Units * Price;
    }
}
