namespace Magnesia.Bench;

/// <summary>One evaluation query: what a person typed and the foods they would accept.</summary>
internal sealed record EvalQuery(string Query, string Kind, HashSet<string> Accepted);

/// <summary>Loads the evaluation set and scores a ranked result list against it.</summary>
internal static class SearchEvaluation
{
    public static List<EvalQuery> Load(string path) =>
        [.. File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => new EvalQuery(f[0], f[1], [.. f[2].Split(',')]))];

    /// <summary>Rank (1-based) of the first accepted food, or 0 when none in the list.</summary>
    public static int FirstHit(EvalQuery q, IReadOnlyList<string> ranked)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            if (q.Accepted.Contains(ranked[i]))
                return i + 1;
        }

        return 0;
    }

    public static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
                return candidate;
        }

        throw new FileNotFoundException($"cannot find {relative} above {AppContext.BaseDirectory}");
    }
}
