using System.ComponentModel.DataAnnotations;
using Magnesia.Text;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// A name: one line with something visible in it (<see cref="TextInput.CheckName"/>). JSON strings already refuse
/// control and bidi-override characters everywhere (<see cref="Magnesia.Data.Contracts.InputJson"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NameTextAttribute : ValidationAttribute
{
    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string text || TextInput.CheckName(text) is not { } problem)
            return ValidationResult.Success;
        var field = char.ToLowerInvariant(validationContext.MemberName![0]) + validationContext.MemberName[1..];
        return new ValidationResult(TextInput.Describe(problem, field) + ".", [validationContext.MemberName]);
    }
}

/// <summary>
/// Form posts to the pages go through the same text rule as JSON: a field holding a control character (other than
/// tab and line breaks) or a bidirectional override is refused with a 400 naming the field, before any page reads it.
/// </summary>
internal static class FormText
{
    public static IApplicationBuilder UseFormTextChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && request.HasFormContentType && !request.Path.StartsWithSegments("/api"))
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            foreach (var (field, values) in form)
            {
                foreach (var value in values)
                {
                    if (TextInput.Check(value, multiline: true) is { } problem)
                    {
                        await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [TextInput.Describe(problem, field) + "."] }).ExecuteAsync(context);
                        return;
                    }
                }
            }
        }

        await next();
    });
}
