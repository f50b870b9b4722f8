using System.Globalization;
using Magnesia.Intake;

namespace Magnesia.Foods;

/// <summary>The weight an amount gives for one food.</summary>
/// <param name="Grams">The weight in grams.</param>
/// <param name="Portion">The household portion it was counted in, or whose density converted a volume; null for g, oz, lb.</param>
/// <param name="How">How the weight follows from the amount, for people: <c>2 × 1 slice (29 g)</c>.</param>
/// <param name="Entered">The amount as a diary entry keeps it: a portion × quantity, or g, oz, lb.</param>
public sealed record AmountReading(double Grams, FoodPortion? Portion, string How, AmountEntered Entered);

/// <summary>A food's name and id, as a result lists it.</summary>
/// <param name="Id">The food's id (<see cref="FoodId"/>).</param>
/// <param name="Name">Long description.</param>
/// <param name="Weak">Found only by shared letters (no word of the query read as one of its words): a guess, never logged by itself.</param>
public sealed record NamedFood(string Id, string Name, bool Weak = false);

/// <summary>A sentence such as "2 slices white bread" read as a food and its weight.</summary>
/// <param name="Query">The amount and food words the reader found.</param>
/// <param name="Food">The best food for the food words; null when nothing matches.</param>
/// <param name="Alternatives">The next best foods.</param>
/// <param name="Amount">The weight, when the amount could be read for the food; else null and <paramref name="Problem"/> says why.</param>
/// <param name="Problem">What is missing or cannot be weighed; null when <paramref name="Amount"/> is known.</param>
public sealed record FoodSentence(FoodQuery Query, NamedFood? Food, IReadOnlyList<NamedFood> Alternatives, AmountReading? Amount, string? Problem)
{
    /// <summary>Whether the food is only a guess by shared letters ("épinards" read as lard): a face shows it as "did you mean", never logs it unasked.</summary>
    public bool Weak => Food?.Weak ?? false;

    /// <summary>"no food named 'épinards'; nearest by spelling: Lard (NDB 04002), …; log one by its id": the words of a weak guess's refusal.</summary>
    public string WeakProblem() =>
        $"no food named '{Query.FoodWords}'; nearest by spelling: {string.Join(", ", new[] { Food }.Concat(Alternatives).OfType<NamedFood>().Take(3).Select(f => $"{f.Name} ({FoodId.From(f.Id)?.Label ?? f.Id})"))}; log one by its id, or try other words";

    /// <summary>
    /// Reads a sentence: <paramref name="ranked"/> are the search's foods for it, best first (the search ranks only the
    /// food words); <paramref name="portionsOfFirst"/> the household portions of the first. The amount is weighed by
    /// <see cref="Weigh"/>.
    /// </summary>
    public static FoodSentence Read(FoodQuery query, IReadOnlyList<NamedFood> ranked, IReadOnlyList<FoodPortion> portionsOfFirst)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(portionsOfFirst);
        if (ranked.Count == 0)
            return new FoodSentence(query, null, [], null, $"no food matches '{query.FoodWords}'");
        var food = ranked[0];
        var amount = Weigh(query, food.Name, portionsOfFirst, out var problem);
        return new FoodSentence(query, food, [.. ranked.Skip(1)], amount, problem);
    }

    /// <summary>
    /// Weighs the amount of <paramref name="query"/> for one food. A unit the food has a household portion for uses
    /// that portion's grams ("2 slices" → 2 × "1 slice"); g, kg, oz and lb convert; a volume the food has no portion
    /// for (ml, cup, tbsp…) converts through the density of its first volume portion, and is refused when it has none;
    /// a glass, mug or bowl is read as a cup, a can or bottle of a drink as 12 fl oz, a handful as 30 g (see
    /// <c>units.tsv</c>); ounces of a drink are fluid ounces; of several portions of the unit, the one whose modifier was
    /// typed ("sliced") wins; a bare count ("2 eggs") uses the food's usual item (its first measure when that is an item,
    /// else medium, fruit, each, large, slice). Portions are the food's own: every SR28 WEIGHT.txt measure. Returns null
    /// with the problem when the text holds no amount or the food has no portion for it.
    /// </summary>
    public static AmountReading? Weigh(FoodQuery query, string foodName, IReadOnlyList<FoodPortion> portions, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(portions);
        problem = null;
        if (!query.HasAmount)
        {
            problem = $"no amount in '{query.Text}': say how much, e.g. '100 g {query.FoodWords}', '1 cup {query.FoodWords}' or '2 {query.FoodWords}'";
            return null;
        }

        var measures = portions.Select(Measure.Of).Where(m => m.Portion.Grams > 0 && m.Amount > 0).ToList();
        var quantity = query.Quantity ?? 1;
        var unit = query.Unit;
        var words = Words(query.Text);
        // Ounces of a drink (a food SR28 measures in fluid ounces) are fluid ounces: "12 oz coffee" is 355 g, not 340 g.
        if (unit is { Name: "oz" } && measures.Any(m => m.Unit?.Name == "fl oz") && SearchLexicon.Units.TryGetValue("fl oz", out var fluid))
            unit = fluid;
        var reading = unit switch
        {
            null => Count(measures, quantity),
            { Kind: UnitKind.Mass } => new AmountReading(quantity * unit.Size!.Value, null, $"{Number(quantity)} {unit.Name}",
                unit.Name is "g" or "oz" or "lb" ? new AmountEntered(unit.Name, quantity) : new AmountEntered("g", quantity * unit.Size.Value)),
            { Kind: UnitKind.Volume } => Volume(measures, quantity, unit.Name, unit.Size!.Value, words),
            { Kind: UnitKind.Container } => Named(measures, quantity, unit.Name, words) ?? Container(measures, quantity, unit, words),
            _ => Named(measures, quantity, unit.Name, words),
        };
        if (reading is null)
        {
            var list = portions.Count == 0 ? "it has no household portions" : $"its portions: {string.Join(", ", portions.Select(p => $"\"{p.Description}\""))}";
            problem = unit switch
            {
                null => $"{foodName} has no portion to count; give grams or a unit ({list})",
                { Kind: UnitKind.Volume or UnitKind.Container } => $"{foodName} has no volume measure in SR28, so {unit.Name} cannot be weighed; give grams or oz ({list})",
                _ => $"{foodName} has no '{unit.Name}' portion; give grams or another unit ({list})",
            };
            return null;
        }

        return Amounts.Check(reading.Grams, out problem) is null ? null : reading with { Grams = Math.Round(reading.Grams, 3) };
    }

    private static AmountReading ByWeight(double grams, FoodPortion? portion, string how) =>
        new(grams, portion, how, new AmountEntered("g", Math.Round(grams, 3)));

    // A bare count ("2 eggs", "a banana") means the food's usual item, never a cup: the food's own first measure when
    // SR28 lists an item first (egg 01123 seq 1 "1 large": recipes and labels assume large eggs), else the medium one
    // (banana, apple), else a whole fruit, each, large or slice, else any whole item, a single one first.
    private static readonly string[] UsualItems = ["medium", "fruit", "each", "large", "slice"];

    private static AmountReading? Count(List<Measure> measures, double quantity) =>
        UsualItem(measures) is { } pick ? Per(pick, quantity) : null;

    private static Measure? UsualItem(List<Measure> measures)
    {
        var items = measures.Where(m => m.IsItem).ToList();
        return (measures.Count > 0 && measures[0].IsItem ? measures[0] : null)
            ?? UsualItems.Select(u => items.FirstOrDefault(m => m.Amount == 1 && (m.Units.Contains(u) || m.Words.Contains(u)))).FirstOrDefault(m => m is not null)
            ?? items.FirstOrDefault(m => m.Amount == 1) ?? items.FirstOrDefault();
    }

    /// <summary>The household measure a bare count of the food means ("2 eggs" → "1 large"), as <see cref="Weigh"/> reads it; null when it has no item measure.</summary>
    public static FoodPortion? UsualItem(IReadOnlyList<FoodPortion> portions)
    {
        ArgumentNullException.ThrowIfNull(portions);
        return UsualItem([.. portions.Select(Measure.Of).Where(m => m.Portion.Grams > 0 && m.Amount > 0)])?.Portion;
    }

    // A portion named by the unit ("slice", "large", "can"), the one whose first unit it is before one that mentions it;
    // among several ("1 cup, mashed", "1 cup, sliced"), the one whose description has a word the sentence has ("1 cup of
    // sliced banana"), else SR28's first.
    private static AmountReading? Named(List<Measure> measures, double quantity, string unit, HashSet<string> words)
    {
        var named = measures.Where(m => m.Unit?.Name == unit).ToList();
        if (named.Count == 0)
            named = [.. measures.Where(m => m.Units.Contains(unit))];
        var pick = named.FirstOrDefault(m => m.Words.Any(w => w != unit && words.Contains(w))) ?? named.FirstOrDefault();
        return pick is null ? null : Per(pick, quantity);
    }

    // The lower-case words of a text, for matching a measure's modifiers ("sliced", "chopped") with what was typed.
    private static HashSet<string> Words(string text) =>
        [.. text.ToLowerInvariant().Split((char[])[' ', ',', '(', ')', '"', '-', '/', '.'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2 && !w.Any(char.IsAsciiDigit))];

    private static AmountReading? Volume(List<Measure> measures, double quantity, string unit, double millilitres, HashSet<string> words)
    {
        if (Named(measures, quantity, unit, words) is { } named)
            return named;
        var volume = measures.FirstOrDefault(m => m.Unit is { Kind: UnitKind.Volume });
        if (volume is null)
            return null;
        var gramsPerMl = volume.Portion.Grams / (volume.Amount * volume.Unit!.Size!.Value);
        return ByWeight(quantity * millilitres * gramsPerMl, volume.Portion,
            $"{Number(quantity)} {unit} × {gramsPerMl.ToString("0.###", CultureInfo.InvariantCulture)} g/ml (from \"{volume.Portion.Description}\" = {Number(volume.Portion.Grams)} g)");
    }

    private static AmountReading? Container(List<Measure> measures, double quantity, QuantityUnit unit, HashSet<string> words)
    {
        if (unit.Size is not { } size)
            return null;
        if (unit.SizeInGrams)
            return ByWeight(quantity * size, null, $"{Number(quantity)} {unit.Name} read as {Number(size)} g");
        var drink = measures.Any(m => m.Unit?.Name == "fl oz");
        if (unit.DrinksOnly && !drink)
            return null;
        // A glass, mug or bowl of a food with a cup portion is that cup; else the size through the food's density.
        if (Math.Abs(size - SearchLexicon.Units["cup"].Size!.Value) < 0.01 && Named(measures, quantity, "cup", words) is { } cup)
            return cup with { How = $"{Number(quantity)} {unit.Name} read as {cup.How}" };
        return Volume(measures, quantity * size, "ml", 1, words) is { } v ? v with { How = $"{Number(quantity)} {unit.Name} read as {Number(quantity * size)} ml: {v.How}" } : null;
    }

    private static AmountReading Per(Measure m, double quantity) =>
        new(quantity * m.Portion.Grams / m.Amount, m.Portion,
            m.Amount == 1 ? $"{Number(quantity)} × {m.Portion.Description} ({Number(m.Portion.Grams)} g)"
                : $"{Number(quantity)} × {Number(m.Portion.Grams / m.Amount)} g ({m.Portion.Description} = {Number(m.Portion.Grams)} g)",
            new AmountEntered(m.Portion.Description, quantity / m.Amount));

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A household portion read as an amount of a unit: ".5 cup, diced" is 0.5 cup; "1 potato, large" is 1 large.</summary>
    private sealed record Measure(FoodPortion Portion, double Amount, QuantityUnit? Unit, HashSet<string> Units, HashSet<string> Words)
    {
        /// <summary>A whole item or counted piece ("1 large", "1 slice", "1 thigh"), not a mass, volume or serving.</summary>
        public bool IsItem => Unit is null or { Kind: UnitKind.Count or UnitKind.Size } && Unit?.Name != "serving";

        public static Measure Of(FoodPortion p)
        {
            var (amount, units) = FoodQuery.ReadMeasure(p.Description);
            return new Measure(p, amount, units.Count > 0 ? units[0] : null, [.. units.Select(u => u.Name)], FoodSentence.Words(p.Description));
        }
    }
}
