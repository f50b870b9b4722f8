using System.Globalization;

namespace Magnesia.Inputs;

/// <summary>
/// A problem with one input of a feature, named by the feature's field enum (the shape of
/// <see cref="References.LifeStageProblem"/>). <see cref="Message"/> leaves out the field's own name so that each face
/// puts its own in front (<c>--waist-cm</c> on the CLI, <c>waistCm</c> on the web); another field it mentions is
/// written as a <c>{FieldName}</c> token, which <see cref="Render"/> replaces.
/// </summary>
/// <typeparam name="TField">The feature's field enum.</typeparam>
/// <param name="Field">The field the problem is about.</param>
/// <param name="Message">The problem without the field's name, e.g. <c>must be between 40 and 250 cm, not 30</c>.</param>
public sealed record InputProblem<TField>(TField Field, string Message) where TField : struct, Enum
{
    /// <summary>The sentence with the face's field names, e.g. <c>--waist-cm must be between 40 and 250 cm, not 30</c>.</summary>
    public string Render(Func<TField, string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Message.StartsWith(':') ? name(Field) + Detail(name, Message) : name(Field) + " " + Detail(name, Message);
    }

    /// <summary>
    /// The message with the other fields' names but without this field's own, for a face that names the field
    /// elsewhere (a <c>path: message</c> line): <c>give exactly one of birthDate and ageYears</c>.
    /// </summary>
    public string Describe(Func<TField, string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Detail(name, Message).TrimStart(':', ' ');
    }

    private static string Detail(Func<TField, string> name, string message)
    {
        if (!message.Contains('{', StringComparison.Ordinal))
            return message;
        foreach (var field in Enum.GetValues<TField>())
            message = message.Replace("{" + field + "}", name(field), StringComparison.Ordinal);
        return message;
    }
}

/// <summary>The problems of one input model, in the order its fields are checked.</summary>
/// <typeparam name="TField">The feature's field enum.</typeparam>
public sealed class InputProblems<TField> : List<InputProblem<TField>> where TField : struct, Enum
{
    /// <summary>Adds a problem.</summary>
    public void Add(TField field, string message) => Add(new InputProblem<TField>(field, message));

    /// <summary>Adds the range's problem for a value that is given and outside it.</summary>
    public void Range(TField field, double? value, NumberRange range)
    {
        if (value is { } v && range.Check(v) is { } problem)
            Add(field, problem);
    }
}

/// <summary>
/// The accepted values of a number input, stated once in the domain: the faces check with it and the pages' <c>min</c>
/// and <c>max</c> attributes are written from it.
/// </summary>
/// <param name="Min">Lowest value (excluded when <paramref name="MinExclusive"/>).</param>
/// <param name="Max">Highest value accepted.</param>
/// <param name="Unit">The unit for messages, e.g. <c>cm</c>; empty for none.</param>
/// <param name="MinExclusive">Whether <paramref name="Min"/> itself is refused (e.g. "above 0").</param>
public sealed record NumberRange(double Min, double Max, string Unit = "", bool MinExclusive = false)
{
    /// <summary>Whether a finite value lies in the range.</summary>
    public bool Contains(double value) => double.IsFinite(value) && (MinExclusive ? value > Min : value >= Min) && value <= Max;

    /// <summary>The problem without a field name (<c>must be between 40 and 250 cm, not 30</c>), or null.</summary>
    public string? Check(double value) =>
        Contains(value) ? null
        : !double.IsFinite(value) ? "must be a number"
        : MinExclusive ? $"must be above {Text(Min)} and at most {Text(Max)}{Suffix}, not {Text(value)}"
        : $"must be between {Text(Min)} and {Text(Max)}{Suffix}, not {Text(value)}";

    /// <summary>The lower bound as an HTML <c>min</c> attribute value (invariant culture).</summary>
    public string MinAttribute => Text(Min);

    /// <summary>The upper bound as an HTML <c>max</c> attribute value (invariant culture).</summary>
    public string MaxAttribute => Text(Max);

    private string Suffix => Unit.Length == 0 ? "" : " " + Unit;

    private static string Text(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
