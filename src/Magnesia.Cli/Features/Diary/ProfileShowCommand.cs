using System.CommandLine;
using Magnesia.Data.Contracts;
using Spectre.Console;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia profile show</c></summary>
internal static class ProfileShowCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var command = new Command("show", "The profile and today's life stage.");
        command.SetAction(async (parse, ct) =>
        {
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var r = ProfileResponse.From(await CliContext.RequireProfileAsync(diary, ct), cli.Today);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(r);
            var table = new Table().HideHeaders().AddColumns("", "");
            table.AddRow("Sex", r.Sex);
            table.AddRow("Age", r.BirthDate is { } b ? $"born {b:yyyy-MM-dd}" : $"{r.AgeYears} y on {r.AgeRecordedOn:yyyy-MM-dd}");
            table.AddRow("Life stage today", Terminal.Cell(r.LifeStageToday));
            foreach (var p in r.Pregnancies)
                table.AddRow("Pregnant", $"{p.From:yyyy-MM-dd} to {p.To:yyyy-MM-dd}");
            foreach (var p in r.Lactations)
                table.AddRow("Breastfeeding", $"{p.From:yyyy-MM-dd} to {p.To:yyyy-MM-dd}");
            if (r.WeightKg is { } w)
                table.AddRow("Weight", $"{w:0.#} kg");
            if (r.Medications.Count > 0)
                table.AddRow("Medications", Terminal.Cell(string.Join(", ", r.Medications)));
            cli.Console.Write(table);
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
