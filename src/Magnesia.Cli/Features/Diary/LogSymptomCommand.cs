using System.CommandLine;
using Magnesia.Intake;
using Magnesia.Data.Contracts;
using Magnesia.References;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia log symptom &lt;sign&gt; --severity 1-5 [--note "…"]</c></summary>
internal static class LogSymptomCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var sign = new Argument<string>("symptom") { Description = "A deficiency sign id, e.g. muscle-cramps." };
        var severity = CliOptions.Whole("--severity", "1 (mild) to 5 (severe).", "1-5");
        var note = new Option<string?>("--note") { Description = "Free text, up to 1000 characters.", HelpName = "TEXT" };
        var date = CliOptions.Date("--date", "Day (default today).");
        var command = new Command("symptom", "Log a deficiency sign with its severity.") { sign, severity, note, date };
        command.Validate(r => (
            DeficiencySigns.Find(r.GetValue(sign) ?? "") is null ? $"unknown symptom '{r.GetValue(sign)}'; known: {string.Join(", ", DeficiencySigns.All.Select(s => s.Id))}"
            : r.GetValue(severity) is not { } s ? "--severity is required (1 mild to 5 severe)"
            : Checks.In(s, "--severity", EntryLimits.SeverityRange) is { } bad ? bad
            : r.GetValue(note) is { Length: > EntryLimits.MaxNoteLength } ? "--note must be at most 1000 characters"
            : Checks.Note(r.GetValue(note), "--note")));
        command.SetAction(async (parse, ct) =>
        {
            var day = cli.Date(parse.GetValue(date));
            var id = DeficiencySigns.Find(parse.GetValue(sign)!)!.Id;
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            await CliContext.RequireProfileOnAsync(diary, day, ct);
            var entry = await diary.AddSymptomAsync(day, id, parse.GetValue(severity)!.Value, parse.GetValue(note), ct);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(new LoggedSymptomResponse(entry, day, id, parse.GetValue(severity)!.Value));
            cli.Out.WriteLine(entry);
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
