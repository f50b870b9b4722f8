using Magnesia.Data.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Magnesia.Web.Infrastructure;

/// <summary>Shorthands for 400 ValidationProblem and 404 answers, and for showing the same messages beside a form's fields.</summary>
internal static class Problems
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem From(ProblemFields fields) => TypedResults.ValidationProblem(fields.ToDictionary());

    public static ValidationProblem From(DiaryInputException e) => Field(e.Field, e.Message);

    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem(what, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult NoProfile() =>
        TypedResults.Problem("no profile yet: PUT /api/profile (sex and age or birth date) first", statusCode: StatusCodes.Status409Conflict, title: "Profile needed");

    /// <summary>
    /// For a page with several forms: keeps only the posted form's binding errors (the others' empty fields are not
    /// mistakes) and says whether that form is valid.
    /// </summary>
    public static bool KeepOnly(this ModelStateDictionary state, string form)
    {
        foreach (var key in state.Keys.Where(k => form.Length == 0 || (!k.StartsWith(form + ".", StringComparison.Ordinal) && k != form)).ToList())
            state.Remove(key);
        return state.IsValid;
    }

    /// <summary>Copies problems into a page's model state, keyed by the form field names (<paramref name="prefix"/>.Field).</summary>
    public static void CopyTo(this ProblemFields fields, ModelStateDictionary state, string prefix = "")
    {
        foreach (var (field, messages) in fields.ToDictionary())
        {
            var key = prefix.Length == 0 ? field : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var m in messages)
                state.AddModelError(key, m);
        }
    }
}
