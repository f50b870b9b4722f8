using Magnesia.Inputs;

namespace Magnesia.Metabolic;

/// <summary>A kind of lab result the assessment uses, keyed by its LOINC code.</summary>
/// <param name="Id">Stable id used by the CLI, e.g. <c>serum-magnesium</c>.</param>
/// <param name="Loinc">LOINC code.</param>
/// <param name="Name">LOINC long common name.</param>
/// <param name="Units">Accepted units; the first is canonical.</param>
/// <param name="MinCanonical">Lowest plausible value in the canonical unit.</param>
/// <param name="MaxCanonical">Highest plausible value in the canonical unit.</param>
public sealed record LabKind(string Id, string Loinc, string Name, IReadOnlyList<string> Units, double MinCanonical, double MaxCanonical);

/// <summary>A dated lab result.</summary>
public sealed record LabResult(long Id, DateOnly Date, LabKind Kind, double Value, string Unit)
{
    /// <summary>The value in the kind's canonical unit.</summary>
    public double Canonical => Labs.ToCanonical(Kind, Value, Unit);
}

/// <summary>The lab kinds, their LOINC codes, accepted units and plausible ranges.</summary>
public static class Labs
{
    /// <summary>All kinds.</summary>
    public static IReadOnlyList<LabKind> Kinds { get; } =
    [
        new("serum-magnesium", "19123-9", "Magnesium [Mass/volume] in Serum or Plasma", ["mmol/L", "mg/dL", "mEq/L"], SerumMagnesium.MinimumMmolPerL, SerumMagnesium.MaximumMmolPerL),
        new("fasting-glucose", "1558-6", "Fasting glucose [Mass/volume] in Serum or Plasma", ["mg/dL", "mmol/L"], 20, 1000),
        new("fasting-insulin", "20448-7", "Insulin [Units/volume] in Serum or Plasma", ["uU/mL", "pmol/L"], 0.5, 500),
        new("triglycerides", "2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", ["mg/dL", "mmol/L"], 10, 5000),
        new("hdl", "2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", ["mg/dL", "mmol/L"], 5, 200),
        new("creatinine", "2160-0", "Creatinine [Mass/volume] in Serum or Plasma", ["mg/dL", "umol/L"], Egfr.CreatinineMgPerDlRange.Min, Egfr.CreatinineMgPerDlRange.Max),
    ];

    /// <summary>Finds a kind by id or LOINC code; null when unknown.</summary>
    public static LabKind? Find(string idOrLoinc) =>
        Kinds.FirstOrDefault(k => string.Equals(k.Id, idOrLoinc?.Trim(), StringComparison.OrdinalIgnoreCase) || k.Loinc == idOrLoinc?.Trim());

    /// <summary>Normalises a unit as typed (µ/u, case) to one of the kind's units; null when not accepted.</summary>
    public static string? NormalizeUnit(LabKind kind, string? unit)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var u = (unit ?? "").Trim().Replace('µ', 'u').Replace("mIU/L", "uU/mL", StringComparison.OrdinalIgnoreCase).Replace("uIU/mL", "uU/mL", StringComparison.OrdinalIgnoreCase);
        return kind.Units.FirstOrDefault(k => string.Equals(k, u, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Converts to the kind's canonical unit (factors in <see cref="LabUnits"/>, <see cref="Egfr"/>, <see cref="SerumMagnesium"/>).</summary>
    public static double ToCanonical(LabKind kind, double value, string unit, double insulinFactor = LabUnits.DefaultInsulinPmolPerMicroUnit)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return (kind.Id, unit) switch
        {
            ("serum-magnesium", "mg/dL") => value * 10 / SerumMagnesium.MolarMass,
            ("serum-magnesium", "mEq/L") => value / SerumMagnesium.Valence,
            ("fasting-glucose", "mmol/L") => value * LabUnits.GlucoseMgPerDlPerMmolPerL,
            ("fasting-insulin", "pmol/L") => value / insulinFactor,
            ("triglycerides", "mmol/L") => value * LabUnits.TriglyceridesMgPerDlPerMmolPerL,
            ("hdl", "mmol/L") => value * LabUnits.CholesterolMgPerDlPerMmolPerL,
            ("creatinine", "umol/L") => value / Egfr.UmolPerLPerMgPerDl,
            _ => value,
        };
    }

    /// <summary>The lab ids, for messages.</summary>
    public static string KnownIds => string.Join(", ", Kinds.Select(x => x.Id));
}

/// <summary>A field of <see cref="LabInput"/>.</summary>
public enum LabField
{
    /// <summary>The lab kind (id or LOINC code).</summary>
    Kind,

    /// <summary>The result.</summary>
    Value,

    /// <summary>Its unit.</summary>
    Unit,
}

/// <summary>A lab result as entered: kind (id or LOINC code), value and the unit it was reported in.</summary>
/// <param name="Kind">Lab id or LOINC code, e.g. <c>serum-magnesium</c> or <c>19123-9</c>.</param>
/// <param name="Value">The result.</param>
/// <param name="Unit">Its unit as typed (µ or u, any case).</param>
public sealed record LabInput(string? Kind, double? Value, string? Unit)
{
    /// <summary>Every problem; empty when <see cref="Resolve"/> may run.</summary>
    public IReadOnlyList<InputProblem<LabField>> Validate()
    {
        var problems = new InputProblems<LabField>();
        if (Kind is null)
            problems.Add(LabField.Kind, $"is required: one of {Labs.KnownIds}");
        else if (Labs.Find(Kind) is null)
            problems.Add(LabField.Kind, $": unknown lab '{Kind}'; known: {Labs.KnownIds}");
        if (Value is null)
            problems.Add(LabField.Value, "is required");
        if (Unit is null)
            problems.Add(LabField.Unit, "is required: values without a unit are rejected");
        if (problems.Count == 0 && Check(Labs.Find(Kind!)!, Value!.Value, Unit) is { } problem)
            problems.Add(problem);
        return problems;
    }

    /// <summary>The kind, the value and the accepted spelling of its unit.</summary>
    /// <exception cref="ArgumentException">When <see cref="Validate"/> reports a problem.</exception>
    public (LabKind Kind, double Value, string Unit) Resolve()
    {
        if (Validate() is [var first, ..])
            throw new ArgumentException(first.Render(f => f.ToString()));
        var kind = Labs.Find(Kind!)!;
        return (kind, Value!.Value, Labs.NormalizeUnit(kind, Unit)!);
    }

    /// <summary>The value in the kind's canonical unit.</summary>
    /// <exception cref="ArgumentException">When <see cref="Validate"/> reports a problem.</exception>
    public double Canonical()
    {
        var (kind, value, unit) = Resolve();
        return Labs.ToCanonical(kind, value, unit);
    }

    /// <summary>Checks a value and unit for a kind: an unaccepted unit is a <see cref="LabField.Unit"/> problem, a value
    /// outside the plausible range a <see cref="LabField.Value"/> one; null when both are fine.</summary>
    public static InputProblem<LabField>? Check(LabKind kind, double value, string? unit)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (Labs.NormalizeUnit(kind, unit) is not { } u)
            return new(LabField.Unit, $"for {kind.Id} must be one of {string.Join(", ", kind.Units)}{(unit is null ? "" : $", not '{unit}'")}");
        if (!double.IsFinite(value))
            return new(LabField.Value, "must be a number");
        var c = Labs.ToCanonical(kind, value, u);
        return c < kind.MinCanonical || c > kind.MaxCanonical
            ? new(LabField.Value, $": {kind.Id} {value} {u} is outside the physiologically possible range ({kind.MinCanonical}–{kind.MaxCanonical} {kind.Units[0]})")
            : null;
    }
}
