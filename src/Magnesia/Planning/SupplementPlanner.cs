using System.Globalization;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Planning;

/// <summary>A medicine the person takes every day, and when.</summary>
/// <param name="Medication">The medicine.</param>
/// <param name="Time">Time of day it is taken.</param>
public sealed record MedicationTime(Medication Medication, TimeOnly Time);

/// <summary>What the supplement planner is asked.</summary>
/// <param name="Dri">The DRIs of the person's life stage on the plan's day.</param>
/// <param name="UseRda">Plan to the RDA (else the EAR); infants have only the AI.</param>
/// <param name="UsualIntake">Usual magnesium intake from food.</param>
/// <param name="Form">The salt form; null for elemental magnesium only.</param>
/// <param name="ElementalMgPerUnit">Elemental magnesium per tablet or capsule of the product, when known: the dose is rounded down to whole units.</param>
/// <param name="EgfrMlMin173m2">eGFR, when known (the argument or the latest creatinine lab).</param>
/// <param name="KidneyDisease">True when the person has a kidney-disease condition.</param>
/// <param name="Medications">The medicines taken every day, with their times.</param>
public sealed record SupplementPlanRequest(
    MagnesiumDri Dri,
    bool UseRda,
    Mass UsualIntake,
    SupplementForm? Form,
    double? ElementalMgPerUnit,
    double? EgfrMlMin173m2,
    bool KidneyDisease,
    IReadOnlyList<MedicationTime> Medications);

/// <summary>One dose of the daily schedule.</summary>
/// <param name="Time">Time of day.</param>
/// <param name="Elemental">Elemental magnesium in this dose.</param>
public sealed record ScheduledDose(TimeOnly Time, Mass Elemental);

/// <summary>An interaction that applies to this plan.</summary>
/// <param name="Medication">The medicine's id.</param>
/// <param name="Rule">The rule in words.</param>
/// <param name="SeparationHours">The longer of the two separations, for separations; null for depleting and retaining drugs.</param>
/// <param name="Sources">Where the rule comes from.</param>
public sealed record InteractionNote(string Medication, string Rule, double? SeparationHours, IReadOnlyList<string> Sources);

/// <summary>A supplement plan: the daily elemental magnesium, its compound mass and units, the schedule, the interactions, warnings.</summary>
/// <param name="Target">The target the gap is measured to.</param>
/// <param name="Gap">Target minus usual intake from food (zero when food meets it).</param>
/// <param name="Elemental">The planned daily elemental magnesium (zero when none is advised).</param>
/// <param name="SupplementalUl">The life stage's supplemental UL; null for infants.</param>
/// <param name="Form">The salt form, when given.</param>
/// <param name="CompoundMg">Mass of the salt that holds <paramref name="Elemental"/>, when a form is given.</param>
/// <param name="Units">Tablets or capsules a day, when the product's elemental magnesium per unit is known.</param>
/// <param name="Schedule">The doses of a day, in time order; empty when no dose is advised or no schedule fits.</param>
/// <param name="Interactions">The interactions of the person's medicines.</param>
/// <param name="Warnings">What to watch for, and why a dose was refused.</param>
/// <param name="Sources">Sources of the rules applied.</param>
public sealed record SupplementPlan(
    Mass Target,
    Mass Gap,
    Mass Elemental,
    Mass? SupplementalUl,
    SupplementForm? Form,
    double? CompoundMg,
    int? Units,
    IReadOnlyList<ScheduledDose> Schedule,
    IReadOnlyList<InteractionNote> Interactions,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Sources);

/// <summary>
/// Plans a magnesium supplement for the gap food leaves: never above the supplemental UL (which counts supplements and
/// medicines only, not food: IOM 1997), split so that no single dose exceeds half the UL, rounded down to whole units,
/// refused below an eGFR of 30 or with kidney disease, and scheduled around the person's medicines.
/// </summary>
/// <remarks>
/// The per-dose limit of half the UL: the UL itself (350 mg for adults) rests on mild diarrhoea at 360 mg/day of
/// supplemental magnesium (Bashir 1993, in IOM 1997); the EU Scientific Committee on Food (2001) found a given daily dose
/// better tolerated when divided; BfR (2017) advises splitting the daily amount into at least two intakes; and
/// fractional absorption falls as a single dose rises (Fine et al., J Clin Invest 1991;88:396–402). So a daily amount
/// above half the UL is taken in two doses (three when above the UL would need more — it cannot: the dose is capped).
/// </remarks>
public static class SupplementPlanner
{
    /// <summary>The eGFR (mL/min/1.73 m²) below which no magnesium supplement is planned: CKD stages 4–5 (KDIGO 2012).</summary>
    public const double MinimumEgfr = 30;

    /// <summary>Candidate times of day for doses, every 30 minutes from 07:00 to 22:00.</summary>
    private static readonly TimeOnly[] Slots = [.. Enumerable.Range(0, 31).Select(i => new TimeOnly(7, 0).AddMinutes(30 * i))];

    /// <summary>Preferred dose times with meals: breakfast, lunch, dinner.</summary>
    private static readonly TimeOnly[] MealTimes = [new(8, 0), new(13, 0), new(19, 0)];

    /// <summary>Makes the plan.</summary>
    public static SupplementPlan Plan(SupplementPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dri = request.Dri;
        var target = (request.UseRda ? dri.Rda : dri.Ear) ?? dri.Ai ?? dri.Rda ?? Mass.Zero;
        var gap = request.UsualIntake >= target ? Mass.Zero : Mass.FromMilligrams(target.Milligrams - request.UsualIntake.Milligrams);
        var ul = dri.SupplementalUl;
        var warnings = new List<string>();
        var sources = new List<string> { "IOM 1997 DRI report: the UL counts magnesium from supplements and medicines only, not food" };
        var interactions = request.Medications
            .Select(m => m.Medication).DistinctBy(m => m.Id)
            .Select(m => new InteractionNote(m.Id, m.Rule, m.Effect == MedicationEffect.Separate ? Math.Max(m.HoursBefore ?? 0, m.HoursAfter ?? 0) : null, m.Sources))
            .ToList();

        SupplementPlan None(string why, Mass elemental = default) =>
            new(target, gap, elemental, ul, request.Form, null, null, [], interactions, [.. warnings, why], sources);

        if (request.KidneyDisease && request.EgfrMlMin173m2 is null)
            return None("no dose: kidney disease is recorded and no eGFR is known; the kidneys clear magnesium, so supplements need a clinician's advice and a serum magnesium check");
        if (request.EgfrMlMin173m2 is < MinimumEgfr and var egfr)
            return None($"no dose: eGFR {egfr:0} mL/min/1.73 m² is below {MinimumEgfr:0} (CKD stage 4–5); impaired kidneys cannot clear excess magnesium and hypermagnesemia can follow — ask a clinician");
        if (ul is null)
            return None("no dose: no supplemental UL is set for infants (IOM 1997); supplements for infants only on a clinician's advice");
        if (gap == Mass.Zero)
            return None("no dose: usual food intake already meets the target");

        var daily = Math.Min(gap.Milligrams, ul.Value.Milligrams);
        if (gap.Milligrams > ul.Value.Milligrams)
            warnings.Add($"the gap ({gap.Milligrams:0} mg) is above the supplemental UL ({ul.Value.Milligrams:0} mg): the dose is capped at the UL; close the rest with food (`magnesia plan foods`)");
        int? units = null;
        if (request.ElementalMgPerUnit is { } perUnit)
        {
            units = (int)Math.Floor(daily / perUnit + 1e-9);
            if (units == 0)
                return None($"no dose: one unit ({perUnit:0.#} mg elemental) is more than the gap this plan may fill ({daily:0} mg)");
            daily = units.Value * perUnit;
        }

        var perDoseLimit = ul.Value.Milligrams / 2;
        var doses = daily > perDoseLimit ? 2 : 1;
        if (units is { } u && doses > u)
            doses = u;
        sources.Add("per dose at most half the UL: EU SCF 2001 (divided doses better tolerated); BfR 2017 (at least two intakes); Fine et al. J Clin Invest 1991 (absorption falls with dose size)");

        var amounts = Split(daily, doses, request.ElementalMgPerUnit, units);
        var times = Schedule(doses, request.Medications);
        if (times is null)
        {
            warnings.Add("no daily schedule keeps every separation from your medicines; ask a pharmacist which to move");
            return new SupplementPlan(target, gap, Mass.FromMilligrams(daily), ul, request.Form, Compound(daily, request.Form), units, [], interactions, warnings, sources);
        }

        if (request.Form is { } form)
        {
            if (form.Notes.Contains("laxative", StringComparison.OrdinalIgnoreCase) || form.Id is "oxide" or "hydroxide" or "citrate" or "carbonate")
                warnings.Add($"{form.Name} has a laxative effect: it draws water into the gut");
            if (form.Id == "oxide")
                warnings.Add("magnesium oxide's fractional absorption was about 4 % in one study (Firoz & Graber, Magnes Res 2001), lower than chloride, lactate or aspartate");
        }

        warnings.Add($"diarrhoea is the first sign of too much supplemental magnesium (the UL of {ul.Value.Milligrams:0} mg rests on it: IOM 1997); take less if stools loosen");
        warnings.Add("magnesium in antacids and laxatives counts toward the same UL");
        if (request.Medications.Any(m => m.Medication.Effect == MedicationEffect.Retaining))
            warnings.Add("a potassium-sparing diuretic lowers magnesium excretion: ask a clinician before supplementing");
        return new SupplementPlan(target, gap, Mass.FromMilligrams(daily), ul, request.Form, Compound(daily, request.Form), units,
            [.. times.Zip(amounts, (t, a) => new ScheduledDose(t, Mass.FromMilligrams(a)))], interactions, warnings, sources);
    }

    private static double? Compound(double elementalMg, SupplementForm? form) =>
        form is null ? null : Math.Round(elementalMg / (form.ElementalPercent / 100), 1);

    // Whole units spread as evenly as possible (the larger dose first), else equal shares.
    private static double[] Split(double daily, int doses, double? perUnit, int? units)
    {
        if (perUnit is { } p && units is { } u)
        {
            var result = new double[doses];
            for (var k = 0; k < doses; k++)
                result[k] = p * (u / doses + (k < u % doses ? 1 : 0));
            return result;
        }

        return [.. Enumerable.Repeat(Math.Round(daily / doses, 1), doses)];
    }

    /// <summary>
    /// The dose times of a day that keep every separation (on every pair of days), as far apart from each other as
    /// possible and then as near meal times as possible; null when none fits.
    /// </summary>
    private static TimeOnly[]? Schedule(int doses, IReadOnlyList<MedicationTime> medications)
    {
        var allowed = Slots.Where(s => medications.All(m => m.Medication.Allows(s, m.Time))).ToArray();
        if (allowed.Length == 0)
            return null;
        if (doses == 1)
            return [allowed.OrderBy(s => MealDistance(s)).ThenBy(s => s).First()];
        (TimeOnly A, TimeOnly B)? best = null;
        var bestKey = (Spread: -1.0, Meals: double.MaxValue);
        foreach (var a in allowed)
        {
            foreach (var b in allowed)
            {
                if (b <= a)
                    continue;
                var spread = Math.Min((b - a).TotalHours, 12); // twelve hours apart is apart enough
                var meals = MealDistance(a) + MealDistance(b);
                if (spread > bestKey.Spread || (spread == bestKey.Spread && meals < bestKey.Meals))
                    (best, bestKey) = ((a, b), (spread, meals));
            }
        }

        return best is { } pair && bestKey.Spread >= 4 ? [pair.A, pair.B] : null;
    }

    private static double MealDistance(TimeOnly t) => MealTimes.Min(m =>
    {
        var d = Math.Abs((t.ToTimeSpan() - m.ToTimeSpan()).TotalHours);
        return Math.Min(d, 24 - d);
    });

    /// <summary>Reads <c>HH:MM</c>; null when malformed.</summary>
    public static TimeOnly? ParseTime(string text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
