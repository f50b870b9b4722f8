using System.Text.RegularExpressions;
using Magnesia.Foods;

namespace Magnesia.Planning;

/// <summary>
/// Vegetarian and vegan by ingredient (<c>Planning/Data/diets.tsv</c>): food groups ruled out whole, and words or
/// phrases of the description matched as whole words, singular or plural, with the exceptions the table lists.
/// </summary>
public static class Diets
{
    private static readonly Lazy<Rules> Table = new(Load);

    private sealed record Rules(HashSet<string> VegetarianGroups, HashSet<string> VeganGroups, Regex VegetarianWords, Regex VegetarianExempt, Regex VeganWords, Regex VeganExcept);

    /// <summary>Whether <paramref name="diet"/> allows <paramref name="food"/>.</summary>
    public static bool Allows(Diet diet, Food food) => Why(diet, food) is null;

    /// <summary>What rules the food out of the diet (<c>group 1300</c>, or the word matched), for messages and tests; null when the diet allows it.</summary>
    public static string? Why(Diet diet, Food food)
    {
        ArgumentNullException.ThrowIfNull(food);
        if (diet == Diet.Any)
            return null;
        var r = Table.Value;
        if (r.VegetarianGroups.Contains(food.Group.Code))
            return $"group {food.Group.Code}";
        var name = food.Name.ToLowerInvariant();
        if (!r.VegetarianExempt.IsMatch(name) && r.VegetarianWords.Match(name) is { Success: true } meat)
            return meat.Value;
        if (diet != Diet.Vegan)
            return null;
        if (r.VeganGroups.Contains(food.Group.Code))
            return $"group {food.Group.Code}";
        return r.VeganWords.Match(r.VeganExcept.Replace(name, " ")) is { Success: true } animal ? animal.Value : null;
    }

    private static Rules Load()
    {
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var f in EmbeddedTable.Rows("Magnesia.Planning.Data.diets.tsv", 3))
        {
            if (f[0] is not ("vegetarian-group" or "vegan-group" or "vegetarian-word" or "vegan-word" or "vegetarian-except" or "vegan-except"))
                throw new InvalidDataException($"diets.tsv: unknown rule '{f[0]}'");
            (lists.TryGetValue(f[0], out var l) ? l : lists[f[0]] = []).Add(f[1]);
        }

        List<string> Get(string key) => lists.GetValueOrDefault(key) ?? [];
        // Whole words, singular or plural: "egg" matches "eggs" but not "eggplant".
        static Regex Words(IEnumerable<string> words) => new(
            $@"\b(?:{string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape))})(?:s|es)?\b", RegexOptions.CultureInvariant);
        return new Rules([.. Get("vegetarian-group")], [.. Get("vegan-group")], Words(Get("vegetarian-word")), Words(Get("vegetarian-except")),
            Words(Get("vegan-word")), Words(Get("vegan-except")));
    }
}
