using System.ComponentModel.DataAnnotations;
using Magnesia.Foods;
using Magnesia.Web.Infrastructure;
using Magnesia.Intake;
using Magnesia.References;

namespace Magnesia.Web.Features.Diary;

/// <summary>
/// A diary entry to add, with the CLI's fields: a food by <c>ndb</c> (or <c>food</c>: an NDB number, <c>c1</c> or
/// <c>r1</c>) with <c>grams</c> or <c>portion</c> × <c>quantity</c>; a supplement by <c>form</c> with
/// <c>elementalMg</c> or <c>compoundMg</c>; a symptom by <c>sign</c> with <c>severity</c> and an optional <c>note</c>.
/// Field rules are attributes; rules across fields are <see cref="Validate"/>; rules that need the store (does the food
/// exist, is the portion one of its portions) are checked by <see cref="Entries.SaveAsync"/>.
/// </summary>
public sealed class EntryRequest : IValidatableObject
{
    /// <summary><c>food</c>, <c>supplement</c> or <c>symptom</c>.</summary>
    [Required] public EntryKind? Kind { get; set; }

    /// <summary>Day (default today).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>breakfast, lunch, dinner or snack (foods).</summary>
    public Meal? Meal { get; set; }

    /// <summary>Deprecated alias of <see cref="Food"/> for a catalogue food (<see cref="FoodId"/>), kept for one release.</summary>
    [StringLength(24)] public string? Ndb { get; set; }

    /// <summary>A food id (NDB number, fdc:…, ifct:…), a custom food id (c1) or a recipe id (r1).</summary>
    [StringLength(24)] public string? Food { get; set; }

    /// <summary>Grams eaten.</summary>
    [DomainRange(typeof(EntryLimits), nameof(EntryLimits.GramsRange))]
    public double? Grams { get; set; }

    /// <summary>A household portion of the food ("1 cup"), "serving", or g, oz, lb.</summary>
    [StringLength(EntryLimits.MaxPortionLength), NameText] public string? Portion { get; set; }

    /// <summary>How many portions (default 1).</summary>
    [DomainRange(typeof(EntryLimits), nameof(EntryLimits.QuantityRange))]
    public double? Quantity { get; set; }

    /// <summary>Supplement salt form id, e.g. citrate.</summary>
    [StringLength(40)] public string? Form { get; set; }

    /// <summary>Elemental magnesium, mg.</summary>
    public double? ElementalMg { get; set; }

    /// <summary>Mass of the salt, mg.</summary>
    [DomainRange(typeof(EntryLimits), nameof(EntryLimits.CompoundMgRange))]
    public double? CompoundMg { get; set; }

    /// <summary>Calcium in the supplement, mg.</summary>
    [DomainRange(typeof(EntryLimits), nameof(EntryLimits.CalciumMgRange))]
    public double? CalciumMg { get; set; }

    /// <summary>Deficiency sign id, e.g. muscle-cramps.</summary>
    [StringLength(40)] public string? Sign { get; set; }

    /// <summary>1 (mild) to 5 (severe).</summary>
    [DomainRange(typeof(EntryLimits), nameof(EntryLimits.SeverityRange))]
    public int? Severity { get; set; }

    /// <summary>Free text.</summary>
    [StringLength(EntryLimits.MaxNoteLength, ErrorMessage = "note must be at most 1000 characters.")]
    public string? Note { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // JSON refuses unknown names itself; a form posts a name too, but model binding also reads a number.
        if (Meal is { } meal && !Enum.IsDefined(meal))
            yield return new($"meal must be {Data.Contracts.InputJson.EnumNames<Intake.Meal>()}.", [nameof(Meal)]);
        switch (Kind)
        {
            case EntryKind.Food:
                if (Ndb is null == Food is null)
                    yield return new("give exactly one of food or ndb (its old name): a food id, c1 or r1.", [Ndb is null ? nameof(Ndb) : nameof(Food)]);
                else if (Ndb is not null && !FoodId.TryParse(Ndb, out _))
                    yield return new($"ndb must be {FoodId.Forms}, not '{Ndb}'.", [nameof(Ndb)]);
                else if (Food is not null && FoodRef.Parse(Food) is null)
                    yield return new($"food must be {FoodId.Forms}, a custom food id (c1) or a recipe id (r1), not '{Food}'.", [nameof(Food)]);
                if (Grams is null == Portion is null)
                    yield return new("give exactly one of grams or portion (with quantity).", [nameof(Grams)]);
                else if (Quantity is not null && Portion is null)
                    yield return new("quantity goes with portion.", [nameof(Quantity)]);
                else if (Portion is not null && string.IsNullOrWhiteSpace(Portion))
                    yield return new("portion must not be empty.", [nameof(Portion)]);
                break;
            case EntryKind.Supplement:
                var form = SupplementForms.Find(Form ?? "");
                if (form is null)
                    yield return new(Form is null ? $"form is required; known: {SupplementForms.KnownIds}." : $"unknown supplement form '{Form}'; known: {SupplementForms.KnownIds}.", [nameof(Form)]);
                if (ElementalMg is null == CompoundMg is null)
                    yield return new("give exactly one of elementalMg or compoundMg.", [nameof(ElementalMg)]);
                else if (ElementalMg is { } e && Supplements.Check(e) is { } p)
                    yield return new($"elementalMg: {p}.", [nameof(ElementalMg)]);
                else if (CompoundMg is { } c && form is not null && Supplements.Check(Supplements.ElementalFromCompound(form, c).Milligrams) is { } q)
                    yield return new($"compoundMg: {q}.", [nameof(CompoundMg)]);
                break;
            case EntryKind.Symptom:
                if (DeficiencySigns.Find(Sign ?? "") is null)
                    yield return new(Sign is null ? "sign is required." : $"unknown sign '{Sign}'; known: {string.Join(", ", DeficiencySigns.All.Select(s => s.Id))}.", [nameof(Sign)]);
                if (Severity is null)
                    yield return new("severity is required (1 mild to 5 severe).", [nameof(Severity)]);
                break;
            case null:
                break;
            default:
                yield return new($"kind must be {Data.Contracts.InputJson.EnumNames<EntryKind>()}.", [nameof(Kind)]);
                break;
        }
    }
}

/// <summary>
/// A batch of food sentences to log at once (<c>POST /api/diary/entries:batch</c>), as <c>magnesia log batch</c> reads
/// a file: one sentence per line, each optionally prefixed <c>date,meal,</c>.
/// </summary>
public sealed class BatchRequest
{
    /// <summary>The sentences: "2 eggs", "2026-12-01,lunch,1 cup brown rice".</summary>
    public List<string>? Lines { get; set; }

    /// <summary>Day for lines without one (default today).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Meal for lines without one.</summary>
    public Meal? Meal { get; set; }
}
