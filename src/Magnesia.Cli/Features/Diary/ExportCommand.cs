using System.CommandLine;
using System.Text.Json;
using Magnesia.Data.Diary;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia export &gt; diary.json</c></summary>
internal static class ExportCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var command = new Command("export", "The whole diary as one JSON document on stdout.");
        command.SetAction(async (parse, ct) =>
        {
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            cli.Out.WriteLine(JsonSerializer.Serialize(await diary.ExportAsync(ct), DiaryDocument.JsonOptions));
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
