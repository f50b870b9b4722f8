using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Magnesia.Inputs;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// <c>[DomainRange(typeof(EntryLimits), nameof(EntryLimits.GramsRange))]</c>: checks a number against a range the
/// domain states (a static <see cref="NumberRange"/> property), with the domain's words; the request never restates
/// the bounds.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DomainRangeAttribute(Type owner, string property) : ValidationAttribute
{
    /// <summary>The domain's range.</summary>
    public NumberRange Range { get; } =
        owner.GetProperty(property, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as NumberRange
        ?? throw new ArgumentException($"{owner.Name}.{property} is not a static NumberRange", nameof(property));

    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is null || Range.Check(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) is not { } problem)
            return ValidationResult.Success;
        var name = validationContext.MemberName ?? validationContext.DisplayName;
        return new ValidationResult($"{char.ToLowerInvariant(name[0])}{name[1..]} {problem}.", [name]);
    }
}
