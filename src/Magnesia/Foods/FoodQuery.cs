using System.Globalization;

namespace Magnesia.Foods;

/// <summary>How a unit of amount is measured.</summary>
public enum UnitKind
{
    /// <summary>A mass: g, kg, oz, lb (<see cref="QuantityUnit.Size"/> in grams).</summary>
    Mass,

    /// <summary>A volume: ml, l, cup, tbsp, tsp, fl oz, pint, quart (<see cref="QuantityUnit.Size"/> in millilitres).</summary>
    Volume,

    /// <summary>A vessel (glass, mug, bowl, can, bottle, handful): the food's portion of that name, else a stated size.</summary>
    Container,

    /// <summary>A counted piece (slice, piece, scoop, packet, bar…): the food's portion of that name.</summary>
    Count,

    /// <summary>An item size (small, medium, large…): the food's portion of that size.</summary>
    Size,
}

/// <summary>A unit of amount from the units table (<c>Foods/Lexicon/units.tsv</c>).</summary>
/// <param name="Name">Canonical name: <c>g</c>, <c>cup</c>, <c>fl oz</c>, <c>slice</c>, <c>medium</c>…</param>
/// <param name="Kind">How it is measured.</param>
/// <param name="Size">Grams (mass) or millilitres (volume, and containers with a millilitre fallback); null for
/// counts and sizes, which only a portion of the food can weigh.</param>
/// <param name="SizeInGrams">True when <see cref="Size"/> is grams (a mass, or a container such as a handful).</param>
/// <param name="DrinksOnly">True when the size applies only to a food measured in fluid ounces (a can of cola, not of beans).</param>
/// <param name="Source">Where the size comes from.</param>
public sealed record QuantityUnit(string Name, UnitKind Kind, double? Size, bool SizeInGrams, bool DrinksOnly, string Source);

/// <summary>
/// What a person typed, separated into an amount and the food words: "2 cups of skim milk" is 2 × cup of "skim milk",
/// "half a grapefruit" is 0.5 of "grapefruit", "chicken thigh 200g" is 200 g of "chicken thigh". Numbers (digits,
/// decimals, fractions such as <c>1/2</c>, <c>1 1/2</c> and <c>½</c>, words from "a" to "twelve", "half", "dozen"),
/// units, containers and sizes (<see cref="QuantityUnit"/>) and words that only describe how much ("of", "about") are
/// read at the start of the text, or at its end when the start holds none. A number followed by "%" is a food word
/// ("2% milk"). Only the food words are ranked; the amount is kept for logging.
/// </summary>
/// <param name="Text">The text as typed.</param>
/// <param name="FoodWords">The words that name the food; the whole text when no amount was found or nothing else is left.</param>
/// <param name="Quantity">How many units (or items, when there is no unit); null when none was given.</param>
/// <param name="Unit">The unit, container or size; null when none was given.</param>
public sealed record FoodQuery(string Text, string FoodWords, double? Quantity, QuantityUnit? Unit)
{
    // Number words and words that only describe how much; switches rather than tables, so that a short-lived search
    // process needs no generic collection over a value type compiled at run time.
    private static double? NumberWord(string word) => word switch
    {
        "a" or "an" or "one" or "single" => 1, "two" or "couple" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6,
        "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10, "eleven" => 11, "twelve" or "dozen" => 12,
        "half" => 0.5, "quarter" => 0.25,
        _ => null,
    };

    private static bool IsFiller(string word) => word is "about" or "around" or "approx" or "approximately" or "roughly" or "some"
        or "of" or "x" or "times" or "nearly" or "almost" or "over" or "just";

    /// <summary>True when an amount was found (a quantity, a unit, or both).</summary>
    public bool HasAmount => Quantity is not null || Unit is not null;

    /// <summary>Reads <paramref name="text"/>. Never fails: text without an amount is all food words.</summary>
    public static FoodQuery Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (PlainWords(text))
            return new FoodQuery(text, text.Trim(), null, null);
        var tokens = Lex(SearchText.Fold(text));
        if (tokens.Count == 0)
            return new FoodQuery(text, text.Trim(), null, null);

        // The amount at the start ("2 cups of …"), else at the end ("… 200g", "… x2", "… (1 cup)").
        var (quantity, unit, end) = ReadAmount(tokens, 0);
        var first = end;
        var last = tokens.Count;
        if (quantity is null && unit is null)
        {
            first = 0;
            for (var start = Math.Max(0, tokens.Count - 4); start < tokens.Count; start++)
            {
                if (start == 0 || tokens[start].Kind != TokenKind.Number && !(tokens[start].Text == "x" && start + 1 < tokens.Count && tokens[start + 1].Kind == TokenKind.Number))
                    continue;
                var (q, u, e) = ReadAmount(tokens, start);
                if (e == tokens.Count && (q is not null || u is not null))
                {
                    (quantity, unit, last) = (q, u, start);
                    break;
                }
            }
        }

        while (first < last && tokens[first].Kind == TokenKind.Word && IsFiller(tokens[first].Text))
            first++;
        while (last > first && tokens[last - 1].Kind == TokenKind.Word && IsFiller(tokens[last - 1].Text))
            last--;
        if (first >= last)
            return new FoodQuery(text, text.Trim(), null, null);
        var words = text[tokens[first].Start..tokens[last - 1].End].Trim(' ', ',', ';', '(', ')', '-');
        return new FoodQuery(text, words, quantity, unit);
    }

    /// <summary>
    /// Reads a household portion's description as an amount and the units it names outside parentheses, first unit
    /// first: ".5 cup, diced" → 0.5, [cup]; "1 potato, large (3\" dia)" → 1, [large]; "1 can, or bottle (12 fl oz)" → 1, [can, bottle].
    /// </summary>
    internal static (double Amount, List<QuantityUnit> Units) ReadMeasure(string description)
    {
        var tokens = Lex(SearchText.Fold(description));
        var at = 0;
        var amount = ReadNumber(tokens, ref at) ?? 1;
        var units = new List<QuantityUnit>();
        var depth = 0;
        while (at < tokens.Count)
        {
            var text = tokens[at].Text;
            if (text == "(")
                depth++;
            else if (text == ")" && depth > 0)
                depth--;
            if (depth == 0 && ReadUnit(tokens, ref at) is { } unit)
            {
                if (!units.Any(u => u.Name == unit.Name))
                    units.Add(unit);
                continue;
            }

            at++;
        }

        return (amount, units);
    }

    // Most queries name a food and nothing else: no digit or fraction sign, and neither the first nor the last word a
    // number, unit or filler word. They need no reading at all.
    private static bool PlainWords(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) || Fraction(c) is not null)
                return false;
        }

        var words = text.Split([' ', ',', '(', ')', '-', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return true;
        foreach (var word in (string[])[words[0], words[^1]])
        {
            var w = SearchText.Fold(word);
            if (NumberWord(w) is not null || IsFiller(w) || SearchLexicon.Units.ContainsKey(w) || SearchLexicon.Units.ContainsKey(SearchText.Stem(w)))
                return false;
        }

        return true;
    }

    // Reads [fillers] [number…] [x] [size] [unit] [of] from position i; returns what it found and where the food words begin.
    private static (double? Quantity, QuantityUnit? Unit, int End) ReadAmount(List<Token> t, int i)
    {
        var at = i;
        while (at < t.Count && t[at].Kind == TokenKind.Word && IsFiller(t[at].Text) && t[at].Text is not "of" and not "x")
            at++;
        var quantity = ReadNumber(t, ref at);
        if (quantity is not null && at < t.Count && t[at].Text is "x" or "times")
            at++;
        var unit = ReadUnit(t, ref at);
        if (unit is { Kind: UnitKind.Size } && ReadUnit(t, ref at) is { } second)
            unit = second; // "a large glass of": the vessel is the unit
        if (unit is { Kind: UnitKind.Mass or UnitKind.Volume } && quantity is not null)
        {
            // "an 8 oz glass of milk", "a 12 oz can of cola": the amount is the measure; the vessel says an ounce is a fluid ounce.
            var before = at;
            if (ReadUnit(t, ref at) is { Kind: UnitKind.Container or UnitKind.Count or UnitKind.Volume } vessel)
            {
                if (unit.Name == "oz" && vessel.Kind is UnitKind.Container or UnitKind.Volume && SearchLexicon.Units.TryGetValue("fl oz", out var fluid))
                    unit = fluid;
            }
            else
            {
                at = before;
            }
        }

        if (unit is not null && at < t.Count && t[at].Text == "of")
            at++;
        if (quantity is null && unit is null)
            return (null, null, i);
        // "a cup" with nothing after it, or a bare word that is also a unit ("large", "cup"): not an amount of a food.
        if (quantity is null && unit is { Kind: not UnitKind.Mass and not UnitKind.Volume } && at >= t.Count)
            return (null, null, i);
        return (quantity, unit, at);
    }

    private static double? ReadNumber(List<Token> t, ref int at)
    {
        double? total = null;
        while (at < t.Count)
        {
            var token = t[at];
            if (token.Kind == TokenKind.Number)
            {
                if (at + 1 < t.Count && t[at + 1].Text is "%" or "percent")
                    return total; // "2% milk": part of the food's name
                var value = token.Value;
                // "2-3" or "2 to 3": the middle of the range.
                if (at + 2 < t.Count && t[at + 1].Text is "-" or "to" && t[at + 2].Kind == TokenKind.Number)
                {
                    value = (value + t[at + 2].Value) / 2;
                    at += 2;
                }

                // "1 1/2": a whole number then a fraction.
                total = total is { } whole && whole == Math.Floor(whole) && value < 1 ? whole + value : (total ?? 1) * value;
                at++;
                continue;
            }

            if (token.Kind == TokenKind.Word && NumberWord(token.Text) is { } word)
            {
                var next = at + 1 < t.Count ? t[at + 1].Text : "";
                if (token.Text == "half" && next == "and" && at + 2 < t.Count && t[at + 2].Text == "half")
                    return total; // "half and half" is a cream
                if (token.Text is "a" or "an" && total is not null)
                {
                    at++; // "half a cup", "one and a half": an article inside a number
                    continue;
                }

                if (token.Text is "a" or "an" && next is "few")
                    return total;
                total = (total ?? 1) * word;
                at++;
                continue;
            }

            if (token.Text == "and" && total is not null && at + 1 < t.Count && t[at + 1].Text is "a" or "an" && at + 2 < t.Count && t[at + 2].Text is "half" or "quarter")
            {
                // "one and a half": whole + fraction.
                total += NumberWord(t[at + 2].Text) ?? 0;
                at += 3;
                continue;
            }

            break;
        }

        return total is >= 0 and < 1e6 ? total : null; // "0 g" is nothing eaten, not 1 g
    }

    private static QuantityUnit? ReadUnit(List<Token> t, ref int at)
    {
        if (at >= t.Count || t[at].Kind != TokenKind.Word)
            return null;
        if (at + 1 < t.Count && t[at + 1].Kind == TokenKind.Word && SearchLexicon.Units.TryGetValue(t[at].Text + " " + SearchText.Stem(t[at + 1].Text), out var two))
        {
            at += 2;
            return two;
        }

        if (SearchLexicon.Units.TryGetValue(t[at].Text, out var one) || SearchLexicon.Units.TryGetValue(SearchText.Stem(t[at].Text), out one))
        {
            at++;
            return one;
        }

        return null;
    }

    private enum TokenKind { Word, Number, Mark }

    private readonly record struct Token(string Text, TokenKind Kind, double Value, int Start, int End);

    // Words, numbers (1, 1.5, .5, 1/2, ½) and marks (% - ( ) ,); "200g" is a number then a word when the letters are a
    // unit, "7up" stays one word. Positions index the folded text, which has the typed text's length.
    private static List<Token> Lex(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (Fraction(c) is { } f)
            {
                tokens.Add(new Token(c.ToString(), TokenKind.Number, f, i, i + 1));
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                var start = i;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || (s[i] is '.' or '/' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))))
                    i++;
                var letters = i;
                while (letters < s.Length && char.IsAsciiLetter(s[letters]))
                    letters++;
                var tail = s[i..letters];
                if (tail.Length > 0 && !SearchLexicon.Units.ContainsKey(tail) && !SearchLexicon.Units.ContainsKey(SearchText.Stem(tail)) && tail is not "x")
                {
                    tokens.Add(new Token(s[start..letters], TokenKind.Word, 0, start, letters)); // "7up", "v8"
                    i = letters;
                    continue;
                }

                var number = ParseNumber(s[start..i]);
                tokens.Add(number is { } n ? new Token(s[start..i], TokenKind.Number, n, start, i) : new Token(s[start..i], TokenKind.Word, 0, start, i));
                if (i < s.Length && Fraction(s[i]) is { } joined && number is { } whole)
                {
                    tokens[^1] = tokens[^1] with { Value = whole + joined, End = i + 1 }; // "1½"
                    i++;
                }

                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || (s[i] == '\'' && i + 1 < s.Length && char.IsAsciiLetter(s[i + 1]))))
                    i++;
                tokens.Add(new Token(s[start..i].Replace("'", "", StringComparison.Ordinal), TokenKind.Word, 0, start, i));
                continue;
            }

            if (c is '%' or '-' or '(' or ')' or ',')
                tokens.Add(new Token(c.ToString(), TokenKind.Mark, 0, i, i + 1));
            i++;
        }

        return tokens;
    }

    private static double? ParseNumber(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
        return double.TryParse(text[..slash], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var top)
            && double.TryParse(text[(slash + 1)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bottom) && bottom > 0
            ? top / bottom : null;
    }

    private static double? Fraction(char c) => c switch
    {
        '½' => 0.5, '¼' => 0.25, '¾' => 0.75, '⅓' => 1.0 / 3, '⅔' => 2.0 / 3, '⅛' => 0.125,
        _ => null,
    };
}
