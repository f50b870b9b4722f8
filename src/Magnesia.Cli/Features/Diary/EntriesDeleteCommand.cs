using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia entries delete &lt;entry-id&gt;</c></summary>
internal static class EntriesDeleteCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var entry = new Argument<string>("entry-id") { Description = "The entry's id (see `entries list`)." };
        var command = new Command("delete", "Delete a food, supplement or symptom entry.") { entry };
        command.Validate(r => (
            long.TryParse(r.GetValue(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? null
            : $"<entry-id> must be a positive whole number, not '{r.GetValue(entry)}'"));
        command.SetAction(async (parse, ct) =>
        {
            var id = long.Parse(parse.GetValue(entry)!, CultureInfo.InvariantCulture);
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            if (!await diary.DeleteEntryAsync(id, ct))
                throw new UsageException($"no entry with id {id}");
            if (parse.GetValue(g.Json))
                return cli.WriteJson(new DeletedResponse(id));
            cli.Out.WriteLine($"deleted entry {id}");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
