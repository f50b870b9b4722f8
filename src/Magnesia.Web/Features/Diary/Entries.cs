using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.References;
using Magnesia.Units;
using Magnesia.Web.Infrastructure;

namespace Magnesia.Web.Features.Diary;

/// <summary>Saves a checked <see cref="EntryRequest"/> through the user's door: used by the API and the Today page alike.</summary>
internal static class Entries
{
    /// <summary>
    /// The entry added (or, with <paramref name="replaces"/>, that entry rewritten), or the problems (by field) that
    /// stopped it; nothing is written when there are problems. Null with no problems: the entry to replace is not the user's.
    /// </summary>
    public static async Task<(EntryResponse? Entry, ProblemFields Problems)> SaveAsync(EntryRequest r, DiaryStore diary, DateOnly today, CancellationToken ct, long? replaces = null)
    {
        var (entry, problems, _) = await SaveAsync(r, diary, today, logUnlikely: true, ct, replaces);
        return (entry, problems);
    }

    /// <summary>
    /// As <see cref="SaveAsync(EntryRequest, DiaryStore, DateOnly, CancellationToken, long?)"/>; with
    /// <paramref name="logUnlikely"/> false, a food whose amount is unlikely (<see cref="EntryPlausibility"/>) is not
    /// written and its warnings are returned, for the page to ask "log anyway?".
    /// </summary>
    public static async Task<(EntryResponse? Entry, ProblemFields Problems, IReadOnlyList<PlausibilityWarning> Warnings)> SaveAsync(
        EntryRequest r, DiaryStore diary, DateOnly today, bool logUnlikely, CancellationToken ct, long? replaces = null)
    {
        var problems = new ProblemFields();
        var day = r.Date ?? today;
        if (DiaryDates.Check(day, today) is { } bad)
            problems.Add("date", $"date: {bad}.");
        var profile = await diary.GetProfileAsync(ct);
        if (profile is null)
            problems.Add("profile", "no profile yet: set your sex and age or birth date first (PUT /api/profile, or the Account page).");
        else if (profile.BirthDate is { } birth && day < birth)
            problems.Add("date", $"date {day:yyyy-MM-dd} is before the profile's birth date {birth:yyyy-MM-dd}.");
        if (problems.Any)
            return (null, problems, []);

        var meal = r.Meal;
        IReadOnlyList<PlausibilityWarning> warnings = [];
        long id;
        // What the entry contributes, built from what was written (no read-back); null: read it back (recipes, edits).
        EntryResponse? written = null;
        switch (r.Kind)
        {
            case EntryKind.Food:
                var reference = r.Ndb is not null ? FoodRef.Catalog(FoodId.Parse(r.Ndb)) : FoodRef.Parse(r.Food)!.Value;
                var field = r.Ndb is not null ? "ndb" : "food";
                if (await diary.FindEdibleAsync(reference, ct) is not { } info)
                {
                    problems.Add(field, reference.Source switch
                    {
                        FoodSource.Custom => $"no custom food {reference.Id}.",
                        FoodSource.Recipe => $"no recipe {reference.Id}.",
                        _ => FoodId.Parse(reference.Id).NotFound() + ".",
                    });
                    return (null, problems, []);
                }

                if (Weigh(r.Grams, r.Portion, r.Quantity, info, out var entered, out var problem) is not { } grams)
                {
                    problems.Add(r.Grams is null ? "portion" : "grams", problem! + ".");
                    return (null, problems, []);
                }

                warnings = EntryPlausibility.Check(grams, info.Per100g.Magnesium.Scale(grams / 100.0), entered, info.Portions, MagnesiumDris.For(profile!.LifeStageOn(day)));
                if (warnings.Count > 0 && !logUnlikely)
                    return (null, problems, warnings);

                id = await diary.ReplaceFoodAsync(replaces, day, meal, info.Ref, grams, entered, ct);
                if (DiaryStore.FoodItem(id, day, meal, info, grams) is { } item)
                    written = EntryResponse.From(day, item, null);
                break;
            case EntryKind.Supplement:
                var form = SupplementForms.Find(r.Form!)!;
                var mg = r.ElementalMg is { } e ? Mass.FromMilligrams(e) : Supplements.ElementalFromCompound(form, r.CompoundMg!.Value);
                var calcium = Mass.FromMilligrams(r.CalciumMg ?? 0);
                id = await diary.ReplaceSupplementAsync(replaces, day, form.Id, mg, r.CompoundMg, calcium, ct);
                written = EntryResponse.From(day, DiaryStore.SupplementItem(id, day, form.Id, mg, calcium), null);
                break;
            default:
                var sign = DeficiencySigns.Find(r.Sign!)!.Id;
                var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
                id = await diary.ReplaceSymptomAsync(replaces, day, sign, r.Severity!.Value, note, ct);
                written = EntryResponse.From(day, null, new SymptomEntry(id, day, sign, r.Severity!.Value, note));
                break;
        }

        if (id == 0)
            return (null, problems, []);
        var said = warnings.Select(w => w.Message).ToList();
        if (replaces is null && written is not null)
            return (written with { Warnings = said }, problems, warnings);
        // Deleted by a concurrent request between the write and this read: no entry (404), not an error.
        return await diary.FindEntryAsync(id, ct) is { } found ? (EntryResponse.From(found.Date, found.Item, found.Symptom) with { Warnings = said }, problems, warnings) : (null, problems, []);
    }

    /// <summary>
    /// Weighs <paramref name="grams"/>, or <paramref name="portion"/> × <paramref name="quantity"/> (default 1), of a
    /// food against its portions; null with the reason when the portion is not one of them or the weight is implausible.
    /// </summary>
    internal static double? Weigh(double? grams, string? portion, double? quantity, EdibleInfo info, out AmountEntered entered, out string? problem)
    {
        var (unit, count) = grams is { } g ? ("g", g) : (portion!.Trim(), quantity ?? 1);
        entered = new AmountEntered(unit, count);
        return Amounts.ToGrams(unit, count, info.Portions, out problem);
    }
}
