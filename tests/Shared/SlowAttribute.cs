using Xunit.v3;

namespace Magnesia.Testing;

/// <summary>
/// Marks a test or class outside the fast suite (trait <c>Speed=Slow</c>): process kills, the browser, 100,000-row
/// scale, a PostgreSQL server. <c>dotnet test</c> leaves them out (each project's launch profile passes
/// <c>--filter-not-trait Speed=Slow</c>); <c>.ci/run</c> runs them too. Compiled into every test project (linked source).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class SlowAttribute : Attribute, ITraitAttribute
{
    /// <summary>The trait name and value the filters use.</summary>
    public const string Name = "Speed", Value = "Slow";

    /// <inheritdoc />
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Name, Value)];
}
