using System.Globalization;

namespace Magnesia.Planning;

/// <summary>How a medicine and magnesium affect each other.</summary>
public enum MedicationEffect
{
    /// <summary>Magnesium lowers the medicine's absorption: the doses must be kept apart.</summary>
    Separate,

    /// <summary>No spacing works (raltegravir): no magnesium supplement without the prescriber.</summary>
    Avoid,

    /// <summary>The medicine raises magnesium losses.</summary>
    Depleting,

    /// <summary>The medicine lowers magnesium excretion.</summary>
    Retaining,
}

/// <summary>A medicine (or class) and how it interacts with magnesium, from <c>Planning/Data/medications.tsv</c>.</summary>
/// <param name="Id">Id used on the command line and in the API (<c>ciprofloxacin</c>, <c>ppi</c>).</param>
/// <param name="Name">Name for people.</param>
/// <param name="Effect">How it interacts.</param>
/// <param name="HoursBefore">For <see cref="MedicationEffect.Separate"/>: hours the medicine must be taken before magnesium.</param>
/// <param name="HoursAfter">For <see cref="MedicationEffect.Separate"/>: hours the medicine must be taken after magnesium.</param>
/// <param name="Rule">The rule in words.</param>
/// <param name="Sources">Where the rule comes from (product labels, NIH ODS).</param>
public sealed record Medication(string Id, string Name, MedicationEffect Effect, double? HoursBefore, double? HoursAfter, string Rule, IReadOnlyList<string> Sources)
{
    /// <summary>
    /// Whether a magnesium dose at <paramref name="magnesium"/> and this medicine at <paramref name="medicine"/>, both
    /// taken every day, keep the separation: on every pair of days, the medicine comes at least <see cref="HoursBefore"/>
    /// hours before the magnesium or at least <see cref="HoursAfter"/> hours after it.
    /// </summary>
    public bool Allows(TimeOnly magnesium, TimeOnly medicine)
    {
        if (Effect != MedicationEffect.Separate)
            return true;
        var gap = (medicine.ToTimeSpan() - magnesium.ToTimeSpan()).TotalHours; // medicine minus magnesium, same day
        foreach (var day in (int[])[-24, 0, 24])
        {
            var d = gap + day;
            if (d > -(HoursBefore ?? 0) && d < (HoursAfter ?? 0))
                return false;
        }

        return true;
    }
}

/// <summary>The medicines Magnesia knows, loaded once from the embedded table.</summary>
public static class Medications
{
    private static readonly Lazy<IReadOnlyList<Medication>> Table = new(Load);

    /// <summary>Every known medicine, in the table's order.</summary>
    public static IReadOnlyList<Medication> All => Table.Value;

    /// <summary>The medicine with this id (case-insensitive); null when unknown.</summary>
    public static Medication? Find(string id) => All.FirstOrDefault(m => string.Equals(m.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The known ids, comma-separated, for messages.</summary>
    public static string KnownIds => string.Join(", ", All.Select(m => m.Id));

    private static List<Medication> Load() =>
        [.. EmbeddedTable.Rows("Magnesia.Planning.Data.medications.tsv", 7).Select(f =>
            new Medication(f[0], f[1], Enum.Parse<MedicationEffect>(f[2], ignoreCase: true), Hours(f[3]), Hours(f[4]), f[5],
                [.. f[6].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]))];

    private static double? Hours(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);
}
