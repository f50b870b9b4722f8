namespace Magnesia.Web.Infrastructure;

/// <summary>Collects per-field validation errors for a ValidationProblem response.</summary>
internal sealed class ProblemFields
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>Rewrites a validation problem's keys to the JSON field names (camelCase, dotted paths kept).</summary>
    public static void CamelCaseKeys(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails v)
            return;
        v.Errors = v.Errors.ToDictionary(
            kv => kv.Key.Contains('-', StringComparison.Ordinal) ? kv.Key // a header name, not a JSON field
                : string.Join('.', kv.Key.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..])),
            kv => kv.Value, StringComparer.Ordinal);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
}
