using System.ComponentModel.DataAnnotations;
using Magnesia.Inputs;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// The web's one-line field map for the domain's <see cref="InputProblem{TField}"/>: a field enum member is the JSON
/// field of the same name in camelCase (<c>WaistCm</c> → <c>waistCm</c>), the sentence ends with a full stop.
/// </summary>
internal static class InputProblemResults
{
    /// <summary>The JSON name of a field enum member.</summary>
    public static string JsonName<TField>(TField field) where TField : struct, Enum
    {
        var name = field.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The problems as validation results keyed by the request's property (the camelCase key is made by
    /// <see cref="ProblemFields.CamelCaseKeys"/>); <paramref name="path"/> maps a field to a dotted path when the
    /// request nests it.</summary>
    public static IEnumerable<ValidationResult> ToValidationResults<TField>(this IEnumerable<InputProblem<TField>> problems, Func<TField, string>? path = null)
        where TField : struct, Enum
    {
        path ??= JsonName;
        return problems.Select(p => new ValidationResult(p.Render(path) + ".", [path(p.Field)]));
    }

    /// <summary>The first problem as a 400 ValidationProblem naming its field.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem ToProblem<TField>(this InputProblem<TField> problem) where TField : struct, Enum =>
        Problems.Field(JsonName(problem.Field), problem.Render(JsonName) + ".");
}
