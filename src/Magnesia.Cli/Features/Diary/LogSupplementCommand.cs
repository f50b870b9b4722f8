using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Intake;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia log supplement &lt;form&gt; (--elemental-mg n | --compound-mg n) [--calcium-mg n]</c></summary>
internal static class LogSupplementCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var form = new Argument<string>("form") { Description = "A form id from `magnesia forms`, e.g. citrate." };
        var elemental = CliOptions.Number("--elemental-mg", "Elemental magnesium, as US labels print it.", "MG");
        var compound = CliOptions.Number("--compound-mg", "Mass of the salt; converted with the form's elemental %.", "MG");
        var calcium = CliOptions.Number("--calcium-mg", "Calcium in the supplement.", "MG");
        var date = CliOptions.Date("--date", "Day taken (default today).");
        var command = new Command("supplement", "Log a supplement by elemental or compound mass.") { form, elemental, compound, calcium, date };
        command.Guarded(r =>
        {
            var f = SupplementForms.Find(r.GetValue(form) ?? "");
            Checks.Report(r,
                f is null ? $"unknown supplement form '{r.GetValue(form)}'; known: {SupplementForms.KnownIds}"
                : r.GetValue(elemental) is null == r.GetValue(compound) is null ? "give exactly one of --elemental-mg or --compound-mg"
                : Checks.In(r.GetValue(compound), "--compound-mg", EntryLimits.CompoundMgRange)
                  ?? (r.GetValue(elemental) is { } e && Supplements.Check(e) is { } p ? $"--elemental-mg: {p}" : null)
                  ?? (r.GetValue(compound) is { } c && Supplements.Check(Supplements.ElementalFromCompound(f, c).Milligrams) is { } q ? $"--compound-mg: {q}" : null)
                  ?? Checks.In(r.GetValue(calcium), "--calcium-mg", EntryLimits.CalciumMgRange));
        });
        command.SetAction(async (parse, ct) =>
        {
            var day = cli.Date(parse.GetValue(date));
            var f = SupplementForms.Find(parse.GetValue(form)!)!;
            var compoundMg = parse.GetValue(compound);
            var mg = parse.GetValue(elemental) is { } e ? Mass.FromMilligrams(e) : Supplements.ElementalFromCompound(f, compoundMg!.Value);
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            await CliContext.RequireProfileOnAsync(diary, day, ct);
            var id = await diary.AddSupplementAsync(day, f.Id, mg, compoundMg, Mass.FromMilligrams(parse.GetValue(calcium) ?? 0), ct);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(new LoggedSupplementResponse(id, day, f.Id, mg.Milligrams));
            cli.Out.WriteLine(id);
            cli.Error.WriteLine($"logged {Checks.Mg(mg.Milligrams)} mg elemental magnesium as {f.Name} on {day:yyyy-MM-dd}");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
