using System.CommandLine;
using Magnesia.Data.Contracts;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia entries list [--date …]</c></summary>
internal static class EntriesListCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var date = CliOptions.Date("--date", "yyyy-mm-dd (default today).");
        var command = new Command("list", "The day's entries with their ids.") { date };
        command.SetAction(async (parse, ct) =>
        {
            var day = cli.Date(parse.GetValue(date));
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var profile = await CliContext.RequireProfileAsync(diary, ct);
            var d = DayResponse.From(await diary.DayAsync(profile, day, ct));
            if (parse.GetValue(g.Json))
                return cli.WriteJson(new DayEntriesResponse(day, d.Entries, d.Symptoms));
            DayCommand.WriteEntries(cli, d.Entries, d.Symptoms);
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
