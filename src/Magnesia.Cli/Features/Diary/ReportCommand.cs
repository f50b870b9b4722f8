using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Intake;
using Spectre.Console;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia report --from … --to … [--json | --csv]</c></summary>
internal static class ReportCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var from = CliOptions.Date("--from", "First day, yyyy-mm-dd.");
        var to = CliOptions.Date("--to", "Last day, yyyy-mm-dd.");
        var csv = new Option<bool>("--csv") { Description = "The per-day series as CSV." };
        var command = new Command("report", "A period: per-day series, means, days below EAR, top foods, symptoms.") { from, to, csv };
        command.Validate(r => (
            r.GetValue(from) is not { } f || r.GetValue(to) is not { } t ? "--from and --to are required (yyyy-mm-dd)"
            : t < f ? "--to is before --from"
            : t.DayNumber - f.DayNumber >= PeriodReport.MaxDays ? $"a report may span at most {PeriodReport.MaxDays} days"
            : r.GetValue(g.Json) && r.GetValue(csv) ? "--json and --csv cannot both be given"
            : null));
        command.SetAction(async (parse, ct) =>
        {
            var first = cli.Date(parse.GetValue(from), "--from");
            var last = cli.Date(parse.GetValue(to), "--to");
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var profile = await CliContext.RequireProfileAsync(diary, ct);
            var report = PeriodResponse.Create(await diary.PeriodAsync(profile, first, last, ct));
            if (parse.GetValue(g.Json))
                return cli.WriteJson(report);
            if (parse.GetValue(csv))
            {
                cli.Out.Write(report.ToCsv());
                return MagnesiaCli.Ok;
            }

            cli.Out.WriteLine($"{report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}: {report.DaysLogged} of {report.Days} days logged, {report.DaysBelowEar} below the EAR");
            if (report.Means is { } m)
                cli.Out.WriteLine($"Mean per logged day: magnesium {Checks.Mg(m.MagnesiumTotalMg)} mg ({m.PercentOfRda:0.#}% of RDA; food {Checks.Mg(m.MagnesiumFoodMg)}, supplements {Checks.Mg(m.MagnesiumSupplementMg)}), calcium {Checks.Mg(m.CalciumMg)} mg, potassium {Checks.Mg(m.PotassiumMg)} mg, {m.EnergyKcal:0} kcal");
            if (report.TopFoods.Count > 0)
            {
                var t = new Table().Title("Top foods by magnesium").AddColumns(new TableColumn("Food"), new TableColumn("Name"), new TableColumn("Mg mg").RightAligned(), new TableColumn("Entries").RightAligned());
                foreach (var f in report.TopFoods)
                    t.AddRow(f.Food, Terminal.Cell(f.Name), Checks.Mg(f.MagnesiumMg), f.Entries.ToString(CultureInfo.InvariantCulture));
                cli.Console.Write(t);
            }

            foreach (var s in report.Symptoms)
                cli.Out.WriteLine($"Symptom {s.Name}: {s.Count} day(s), worst severity {s.MaxSeverity}");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
