using Magnesia.Inputs;

namespace Magnesia.Foods;

/// <summary>How many foods a search or a top list may return, and how many it returns when not told: one rule for the CLI's <c>--limit</c> and the API's <c>limit</c>.</summary>
public static class ResultLimits
{
    /// <summary>Search results: 1 to 100.</summary>
    public static NumberRange Search { get; } = new(1, 100);

    /// <summary>Search results when no limit is given.</summary>
    public const int DefaultSearch = 10;

    /// <summary>A top list (<c>foods top</c>): 1 to 1,000 foods.</summary>
    public static NumberRange Top { get; } = new(1, 1000);

    /// <summary>Foods in a top list when no limit is given.</summary>
    public const int DefaultTop = 20;
}
