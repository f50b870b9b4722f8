using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Foods;

namespace Magnesia.Cli.Features.Foods;

/// <summary>
/// <c>magnesia foods parse &lt;text…&gt;</c>: reads a sentence such as "2 slices white bread" as a food and its weight,
/// exactly as <c>magnesia log food &lt;text…&gt;</c> would log it, without logging anything.
/// </summary>
internal static class FoodsParseCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var text = new Argument<string[]>("text") { Description = "What you ate with how much: 2 slices white bread, 200 g chicken thigh, a mug of hot chocolate.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("parse", "Read a sentence as a food and its weight (what `log food <text…>` logs).") { text };
        command.Guarded(r => Checks.Report(r, SearchText.Words(string.Join(' ', r.GetValue(text) ?? [])).Count == 0 ? "<text> must contain at least one word" : null));
        command.SetAction(async (parse, ct) =>
        {
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            var sentence = await store.ReadSentenceAsync(string.Join(' ', parse.GetValue(text)!).Trim(), ct: ct);
            var mg = sentence.Food is { } found ? (await store.NutrientsPer100gAsync(found.Id, ct))?.Magnesium : null;
            var r = FoodParseResponse.From(sentence, mg);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(r);
            cli.Out.WriteLine($"food words: {r.FoodWords}");
            cli.Out.WriteLine($"amount:     {(r.Quantity is null && r.Unit is null ? "–" : $"{r.Quantity ?? 1:0.###} × {r.Unit ?? "item"}")}");
            cli.Out.WriteLine(r.Food is { } f ? $"food:       {f.Name} ({FoodId.Parse(f.FoodId).Label})" : "food:       none found");
            cli.Out.WriteLine(r.Grams is { } grams ? $"weight:     {grams:0.#} g ({r.How})" : $"weight:     – ({r.Problem})");
            if (r.MagnesiumMg is { } magnesium)
                cli.Out.WriteLine($"magnesium:  {Checks.Mg(magnesium)} mg");
            if (r.Weak)
                cli.Out.WriteLine("            (a guess by spelling: not logged unless chosen by its id)");
            foreach (var a in r.Alternatives)
                cli.Out.WriteLine($"  or:       {a.Name} ({FoodId.Parse(a.FoodId).Label})");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
