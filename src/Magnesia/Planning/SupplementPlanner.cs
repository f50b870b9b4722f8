using System.Globalization;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Planning;

/// <summary>How often a medicine is taken.</summary>
public enum DoseFrequency
{
    /// <summary>Every day (a medicine taken several times a day has one <see cref="MedicationTime"/> per dose).</summary>
    Daily,

    /// <summary>Once a week (oral bisphosphonates, often).</summary>
    Weekly,

    /// <summary>Once a month (ibandronate, often).</summary>
    Monthly,
}

/// <summary>One dose time of a medicine the person takes.</summary>
/// <param name="Medication">The medicine.</param>
/// <param name="Time">Time of day it is taken.</param>
/// <param name="Frequency">Daily (the default), weekly or monthly: only daily doses shape the daily magnesium schedule;
/// a weekly or monthly dose gets its own rule for that day.</param>
public sealed record MedicationTime(Medication Medication, TimeOnly Time, DoseFrequency Frequency = DoseFrequency.Daily);

/// <summary>What the supplement planner is asked.</summary>
/// <param name="Dri">The DRIs of the person's life stage on the plan's day.</param>
/// <param name="UseRda">Plan to the RDA (else the EAR); infants have only the AI.</param>
/// <param name="UsualIntake">Usual magnesium intake from food.</param>
/// <param name="Form">The salt form; null for elemental magnesium only.</param>
/// <param name="ElementalMgPerUnit">Elemental magnesium per tablet or capsule of the product, when known: the dose is rounded down to whole units.</param>
/// <param name="EgfrMlMin173m2">eGFR, when known (the argument or the latest creatinine lab).</param>
/// <param name="KidneyDisease">True when the person has a kidney-disease condition.</param>
/// <param name="Medications">The medicines taken, with their dose times.</param>
public sealed record SupplementPlanRequest(
    MagnesiumDri Dri,
    bool UseRda,
    Mass UsualIntake,
    SupplementForm? Form,
    double? ElementalMgPerUnit,
    double? EgfrMlMin173m2,
    bool KidneyDisease,
    IReadOnlyList<MedicationTime> Medications)
{
    /// <summary>Supplemental magnesium already taken a day (the diary's logged supplements): the plan adds only what is left.</summary>
    public Mass AlreadyTaken { get; init; }

    /// <summary>The latest serum magnesium, mmol/L, when known: above the reference interval no dose is planned.</summary>
    public double? SerumMagnesiumMmolL { get; init; }

    /// <summary>Medicines in the profile whose dose times were not given: the plan asks for them.</summary>
    public IReadOnlyList<Medication> UntimedMedications { get; init; } = [];

    /// <summary>True for a life stage the EU supplement figures apply to (adults).</summary>
    public bool Adult { get; init; } = true;
}

/// <summary>One dose of the daily schedule.</summary>
/// <param name="Time">Time of day.</param>
/// <param name="Elemental">Elemental magnesium in this dose.</param>
public sealed record ScheduledDose(TimeOnly Time, Mass Elemental);

/// <summary>An interaction that applies to this plan.</summary>
/// <param name="Medication">The medicine's id.</param>
/// <param name="Rule">The rule in words.</param>
/// <param name="SeparationHours">The longer of the two separations, for separations; null for depleting and retaining drugs.</param>
/// <param name="Sources">Where the rule comes from.</param>
public sealed record InteractionNote(string Medication, string Rule, double? SeparationHours, IReadOnlyList<string> Sources)
{
    /// <summary>Hours the medicine must come before magnesium.</summary>
    public double? HoursBefore { get; init; }

    /// <summary>Hours the medicine must come after magnesium.</summary>
    public double? HoursAfter { get; init; }
}

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
/// medicines only, not food or water: IOM 1997), less what is already taken, no dose above <see cref="PerDoseLimitMg"/>,
/// whole units, refused below an eGFR of 30, with kidney disease and no eGFR, above the serum reference interval or with
/// raltegravir, and scheduled around the person's medicines.
/// </summary>
/// <remarks>
/// The per-dose limit. BfR (German Federal Institute for Risk Assessment, 2017, press release 50/2017) recommends a
/// maximum of 250 mg a day of magnesium from supplements and that "the maximum daily dose be divided between at least two
/// intakes per day"; the EU Scientific Committee on Food (2001) found a given daily dose better tolerated when divided,
/// and fractional absorption falls as a single dose rises (Fine et al., J Clin Invest 1991;88:396–402). No source gives a
/// per-dose maximum outright: Magnesia reads BfR's rule as "no intake above 125 mg" (its 250 mg in its two intakes) and
/// applies that to every plan, also above 250 mg a day (three doses for up to IOM's 350 mg). The daily cap is IOM's UL
/// (350 mg for adults, US/Canada); the EU figure of 250 mg a day (SCF 2001, BfR 2017) is shown beside it.
/// </remarks>
public static class SupplementPlanner
{
    /// <summary>
    /// The eGFR (mL/min/1.73 m²) below which no magnesium supplement is planned: magnesium aspartate (Magnaspartate, UK
    /// SmPC) is contraindicated in "severe renal impairment (glomerular filtration rate &lt;30 ml/min)".
    /// </summary>
    public const double MinimumEgfr = 30;

    /// <summary>Below this eGFR (and at or above <see cref="MinimumEgfr"/>) the plan asks for serum magnesium checks (same SmPC: every 3–6 months in renal impairment).</summary>
    public const double MonitoringEgfr = 60;

    /// <summary>The most elemental magnesium one dose may hold, mg: BfR 2017's 250 mg a day in at least two intakes.</summary>
    public const double PerDoseLimitMg = 125;

    /// <summary>The EU daily maximum for supplemental magnesium in adults, mg (SCF 2001 UL; BfR 2017 maximum level).</summary>
    public const double EuDailyMaximumMg = 250;

    /// <summary>Most doses a day a plan splits into.</summary>
    public const int MaxDoses = 3;

    /// <summary>The upper limit of the serum reference interval, mmol/L (IOM 1997 / NIH ODS 0.75–0.95).</summary>
    public const double SerumUpperMmolL = 0.95;

    /// <summary>The BfR statement the per-dose limit rests on, quoted.</summary>
    public const string PerDoseSource = "BfR 2017 (press release 50/2017): \"the maximum daily dose be divided between at least two intakes per day\" (250 mg a day from supplements); Magnesia reads it as at most 125 mg a dose";

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
        var sources = new List<string>
        {
            "IOM 1997 DRI report: the UL counts magnesium from supplements and medicines only, not food or water",
            "UK SmPC, magnesium aspartate (Magnaspartate): contraindicated below a GFR of 30 ml/min and in cardiac conduction disorders (bradycardia); serum magnesium monitored every 3-6 months in renal impairment",
        };
        // Every medicine, timed or from the profile without times, once.
        var medicines = request.Medications.Select(m => m.Medication).Concat(request.UntimedMedications).DistinctBy(m => m.Id).ToList();
        var interactions = medicines
            .Select(m => new InteractionNote(m.Id, m.Rule, m.Effect == MedicationEffect.Separate ? Math.Max(m.HoursBefore ?? 0, m.HoursAfter ?? 0) : null, m.Sources)
                { HoursBefore = m.HoursBefore, HoursAfter = m.HoursAfter })
            .ToList();
        if (request.Adult && ul is not null)
            sources.Add($"daily cap: IOM's supplemental UL ({ul.Value.Milligrams:0} mg, US/Canada); the EU's is {EuDailyMaximumMg:0} mg a day for adults (SCF 2001; BfR 2017)");

        SupplementPlan None(string why, Mass elemental = default) =>
            new(target, gap, elemental, ul, request.Form, null, null, [], interactions, [.. warnings, why], sources);

        if (request.KidneyDisease && request.EgfrMlMin173m2 is null)
            return None("no dose: kidney disease is recorded and no eGFR is known; the kidneys clear magnesium, so supplements need a clinician's advice and a serum magnesium check");
        if (request.EgfrMlMin173m2 is < MinimumEgfr and var egfr)
            return None($"no dose: eGFR {egfr:0} mL/min/1.73 m² is below {MinimumEgfr:0}; magnesium supplements are contraindicated in severe renal impairment (UK SmPC, magnesium aspartate): ask a clinician");
        if (request.SerumMagnesiumMmolL is > SerumUpperMmolL and var serum)
            return None($"no dose: your latest serum magnesium ({serum:0.00} mmol/L) is above the reference interval (0.75–{SerumUpperMmolL:0.00} mmol/L): ask a clinician before any supplement");
        if (ul is null)
            return None("no dose: no supplemental UL is set for infants (IOM 1997); supplements for infants only on a clinician's advice");
        if (medicines.FirstOrDefault(m => m.Effect == MedicationEffect.Avoid) is { } avoid)
            return None($"no dose: {avoid.Rule}");
        if (gap == Mass.Zero)
            return None("no dose: usual food intake already meets the target");

        var taken = request.AlreadyTaken.Milligrams;
        var room = ul.Value.Milligrams - taken;
        var wanted = Math.Min(gap.Milligrams, ul.Value.Milligrams) - taken;
        if (gap.Milligrams > ul.Value.Milligrams)
            warnings.Add($"the gap ({gap.Milligrams:0} mg) is above the supplemental UL ({ul.Value.Milligrams:0} mg): supplements stop at the UL; close the rest with food (`magnesia plan foods`)");
        if (taken > 0 && wanted <= 0)
            return None(room < 0
                ? $"no more: the {taken:0} mg a day you already take is above the supplemental UL ({ul.Value.Milligrams:0} mg); take less"
                : $"no more: the {taken:0} mg a day you already take covers the gap ({gap.Milligrams:0} mg)");
        if (taken > 0)
            warnings.Add($"you already take {taken:0} mg a day from supplements: this plan adds {wanted:0} mg more, {taken + wanted:0} mg in all");

        var daily = wanted;
        int? units = null;
        int doses;
        if (request.ElementalMgPerUnit is { } perUnit)
        {
            if (perUnit > PerDoseLimitMg + 1e-9)
                return None($"no dose with this product: one unit holds {perUnit:0.#} mg, more than the {PerDoseLimitMg:0} mg a dose may hold ({PerDoseSource}); choose a product with less per unit");
            var perDose = (int)Math.Floor(PerDoseLimitMg / perUnit + 1e-9);
            units = Math.Min((int)Math.Floor(daily / perUnit + 1e-9), MaxDoses * perDose);
            if (units == 0)
                return None($"no dose: one unit ({perUnit:0.#} mg elemental) is more than the gap this plan may fill ({daily:0} mg)");
            daily = units.Value * perUnit;
            doses = (int)Math.Ceiling(units.Value / (double)perDose - 1e-9);
        }
        else
        {
            doses = Math.Min(MaxDoses, (int)Math.Ceiling(daily / PerDoseLimitMg - 1e-9));
            daily = Math.Min(daily, doses * PerDoseLimitMg);
        }

        sources.Add($"per dose at most {PerDoseLimitMg:0} mg: {PerDoseSource}; SCF 2001 (divided doses better tolerated); Fine et al. J Clin Invest 1991 (absorption falls with dose size)");
        var amounts = Split(daily, doses, request.ElementalMgPerUnit, units);
        var dailyMeds = request.Medications.Where(m => m.Frequency == DoseFrequency.Daily).ToList();
        var times = Schedule(doses, dailyMeds);
        foreach (var m in request.Medications.Where(m => m.Frequency != DoseFrequency.Daily && m.Medication.Effect == MedicationEffect.Separate))
            warnings.Add($"on the day you take {m.Medication.Name} ({m.Frequency.ToString().ToLowerInvariant()}, {m.Time:HH:mm}), skip any magnesium dose less than {m.Medication.HoursAfter ?? 0:0} h before it or {m.Medication.HoursBefore ?? 0:0} h after it");
        foreach (var m in request.UntimedMedications.Where(m => m.Effect == MedicationEffect.Separate))
            warnings.Add($"your profile lists {m.Name}: give its dose times (--medications {m.Id}:HH:MM) so the schedule keeps them apart ({m.Rule})");
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
            if (form.Id == "glutamate")
                warnings.Add(SupplementForms.GlutamateNote);
        }

        if (request.Adult && taken + daily > EuDailyMaximumMg)
            warnings.Add($"{taken + daily:0} mg a day is above the EU's {EuDailyMaximumMg:0} mg for supplements (SCF 2001; BfR 2017), within IOM's {ul.Value.Milligrams:0} mg");
        if (request.EgfrMlMin173m2 is >= MinimumEgfr and < MonitoringEgfr and var e)
            warnings.Add($"eGFR {e:0}: the kidneys clear magnesium less well; have serum magnesium checked every 3–6 months while taking it (UK SmPC, magnesium aspartate)");
        else if (request.KidneyDisease)
            warnings.Add("kidney disease is recorded: have serum magnesium checked every 3–6 months while taking it (UK SmPC, magnesium aspartate)");
        warnings.Add("do not take it with a heart-conduction disorder or a slow heart rate (bradycardia) unless a clinician advises it (UK SmPC, magnesium aspartate)");
        warnings.Add($"diarrhoea is the first sign of too much supplemental magnesium (the UL of {ul.Value.Milligrams:0} mg rests on it: IOM 1997); take less if stools loosen");
        warnings.Add("magnesium in antacids and laxatives counts toward the same UL");
        if (medicines.Any(m => m.Effect == MedicationEffect.Retaining))
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
    /// possible (at least 4 h) and then as near meal times as possible; null when none fits.
    /// </summary>
    private static TimeOnly[]? Schedule(int doses, IReadOnlyList<MedicationTime> medications)
    {
        var allowed = Slots.Where(s => medications.All(m => m.Medication.Allows(s, m.Time))).ToArray();
        if (allowed.Length == 0)
            return null;
        if (doses == 1)
            return [allowed.OrderBy(s => MealDistance(s)).ThenBy(s => s).First()];
        TimeOnly[]? best = null;
        var bestKey = (Spread: -1.0, Meals: double.MaxValue);
        void Consider(TimeOnly[] pick)
        {
            var spread = Math.Min(pick.Zip(pick.Skip(1), (a, b) => (b - a).TotalHours).Min(), 12); // twelve hours apart is apart enough
            var meals = pick.Sum(MealDistance);
            if (spread > bestKey.Spread || (spread == bestKey.Spread && meals < bestKey.Meals))
                (best, bestKey) = (pick, (spread, meals));
        }

        for (var i = 0; i < allowed.Length; i++)
        {
            for (var j = i + 1; j < allowed.Length; j++)
            {
                if (doses == 2)
                {
                    Consider([allowed[i], allowed[j]]);
                    continue;
                }

                for (var k = j + 1; k < allowed.Length; k++)
                    Consider([allowed[i], allowed[j], allowed[k]]);
            }
        }

        return best is not null && bestKey.Spread >= 4 ? best : null;
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
