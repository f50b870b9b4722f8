using System.Text.RegularExpressions;
using Magnesia.Foods;

namespace Magnesia.Planning;

/// <summary>What a food is on a plate (<c>Planning/Data/roles.tsv</c>), so a swap replaces like with like.</summary>
public static class SwapRoles
{
    private sealed record Row(string Role, string Group, Regex Words, Regex? State);

    private static readonly Lazy<List<Row>> Table = new(Load);

    /// <summary>The food's role: its suggestable row's, else the first matching row of <c>roles.tsv</c>; null when it has none.</summary>
    public static string? Of(Food food)
    {
        ArgumentNullException.ThrowIfNull(food);
        if (SuggestableFoods.Find(food.Id) is { } row)
            return row.Role;
        var name = food.Name.ToLowerInvariant();
        return Table.Value.FirstOrDefault(r => r.Group == food.Group.Code && r.Words.IsMatch(name) && (r.State?.IsMatch(name) ?? true))?.Role;
    }

    private static List<Row> Load()
    {
        static Regex Words(string list) => new(
            $@"\b(?:{string.Join('|', list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape))})(?:s|es)?\b",
            RegexOptions.CultureInvariant);
        return [.. EmbeddedTable.Rows("Magnesia.Planning.Data.roles.tsv", 5).Select(f => new Row(f[0], f[1], Words(f[2]), f[3].Length == 0 ? null : Words(f[3])))];
    }
}
