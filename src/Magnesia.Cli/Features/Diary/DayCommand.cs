using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Spectre.Console;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia day [--date …]</c>: one day against the DRIs of that day's life stage.</summary>
internal static class DayCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var date = CliOptions.Date("--date", "yyyy-mm-dd (default today).");
        var command = new Command("day", "One day's magnesium against the day's EAR, RDA and supplemental UL.") { date };
        command.SetAction(async (parse, ct) =>
        {
            var day = cli.Date(parse.GetValue(date));
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var profile = await CliContext.RequireProfileAsync(diary, ct);
            var d = DayResponse.From(await diary.DayAsync(profile, day, ct));
            return parse.GetValue(g.Json) ? cli.WriteJson(d) : Render(cli, d);
        });
        return command;
    }

    // Human output lives apart from the action so that a JSON run never loads the table library.
    private static int Render(CliContext cli, DayResponse d)
    {
        var goal = d.RdaMg ?? d.AiMg;
        cli.Out.WriteLine($"{d.Date:yyyy-MM-dd} — {d.LifeStage}");
        var table = new Table().HideHeaders().AddColumns("", "");
        table.AddRow("Magnesium", $"{Checks.Mg(d.MagnesiumTotalMg)} mg (food {Checks.Mg(d.MagnesiumFoodMg)}, supplements {Checks.Mg(d.MagnesiumSupplementMg)})");
        table.AddRow(d.RdaMg is null ? "AI" : "RDA", $"{goal:0} mg — {d.PercentOfRda:0.#}% of it; EAR {(d.EarMg is { } ear ? $"{ear:0} mg" : "not set")}; status {d.Category}");
        table.AddRow("Supplement UL", d.SupplementalUlMg is { } ul ? $"{ul:0} mg{(d.SupplementalAboveUl ? " — EXCEEDED by supplements" : "")}" : "not set for infants");
        table.AddRow("Calcium", $"{Checks.Mg(d.CalciumMg)} mg (Ca:Mg {(d.CalciumToMagnesiumRatio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "–")})");
        table.AddRow("Potassium", $"{Checks.Mg(d.PotassiumMg)} mg");
        table.AddRow("Energy", $"{d.EnergyKcal:0} kcal (magnesium density {(d.MagnesiumMgPer1000Kcal is { } k ? $"{k:0} mg/1000 kcal" : "–")})");
        if (d.MagnesiumIncomplete)
            table.AddRow("Note", "a food eaten has no magnesium value in USDA SR28; it counts as 0");
        cli.Console.Write(table);
        WriteEntries(cli, d.Entries, d.Symptoms);
        return MagnesiaCli.Ok;
    }

    internal static void WriteEntries(CliContext cli, IReadOnlyList<DayEntryResponse>? entries, IReadOnlyList<SymptomResponse>? symptoms)
    {
        if (entries is { Count: > 0 })
        {
            var t = new Table().AddColumns(new TableColumn("Id"), new TableColumn("Kind"), new TableColumn("Meal"), new TableColumn("Name"), new TableColumn("g").RightAligned(), new TableColumn("Mg mg").RightAligned());
            foreach (var e in entries)
                t.AddRow(e.Id.ToString(CultureInfo.InvariantCulture), e.Kind, e.Meal ?? "", Terminal.Cell(e.Name), e.Grams?.ToString("0.#", CultureInfo.InvariantCulture) ?? "", Checks.Mg(e.MagnesiumMg));
            cli.Console.Write(t);
        }

        foreach (var s in symptoms ?? [])
            cli.Out.WriteLine($"Symptom {s.Id}: {s.Name}, severity {s.Severity}{(s.Note is null ? "" : $" — {s.Note}")}");
        if (entries is not { Count: > 0 } && symptoms is not { Count: > 0 })
            cli.Out.WriteLine("Nothing logged on this day.");
    }
}
