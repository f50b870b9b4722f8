using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Intake;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia profile set --age Y|--birth-date D --sex S [pregnancy/lactation dates] [--weight-kg] [--medications]</c></summary>
internal static class ProfileSetCommand
{
    // The CLI's names for the profile's fields: one option per period (the CLI takes one of each).
    private static string Name(ProfileField f) => f switch
    {
        ProfileField.AgeYears => "--age",
        ProfileField.Pregnancies => "--pregnant-from/--pregnant-to",
        ProfileField.Lactations => "--lactating-from/--lactating-to",
        _ => Checks.OptionName(f),
    };

    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var age = CliOptions.Whole("--age", "Age in years today (0–130); or give --birth-date.", "YEARS");
        var birth = CliOptions.Date("--birth-date", "Birth date, yyyy-mm-dd.");
        var sex = CliOptions.Sex();
        var pregnantFrom = CliOptions.Date("--pregnant-from");
        var pregnantTo = CliOptions.Date("--pregnant-to");
        var lactatingFrom = CliOptions.Date("--lactating-from");
        var lactatingTo = CliOptions.Date("--lactating-to");
        var weight = CliOptions.Number("--weight-kg", "Body weight.", "KG");
        var medications = new Option<string?>("--medications") { Description = "Medication ids separated by commas (used by screening).", HelpName = "IDS" };
        var command = new Command("set", "Create or replace the profile.") { age, birth, sex, pregnantFrom, pregnantTo, lactatingFrom, lactatingTo, weight, medications };
        command.Validate(r => (
            r.GetValue(age) is null == r.GetValue(birth) is null ? "give either --age or --birth-date"
            : r.GetValue(sex) is null ? "--sex is required: female or male"
            : r.GetValue(pregnantFrom) is null != r.GetValue(pregnantTo) is null ? "give both --pregnant-from and --pregnant-to"
            : r.GetValue(lactatingFrom) is null != r.GetValue(lactatingTo) is null ? "give both --lactating-from and --lactating-to"
            : r.GetValue(medications) is { } m && m.Split(',').Any(string.IsNullOrWhiteSpace) ? "--medications must be ids separated by commas"
            : null));
        command.SetAction(async (parse, ct) =>
        {
            var today = cli.Today;
            var years = parse.GetValue(age);
            var profile = new DiaryProfile(
                parse.GetValue(sex)!.Value,
                parse.GetValue(birth),
                years,
                years is null ? null : today,
                parse.GetValue(pregnantFrom) is { } pf ? [new DatePeriod(pf, parse.GetValue(pregnantTo)!.Value)] : [],
                parse.GetValue(lactatingFrom) is { } lf ? [new DatePeriod(lf, parse.GetValue(lactatingTo)!.Value)] : [],
                parse.GetValue(weight),
                parse.GetValue(medications) is { } meds ? [.. meds.Split(',').Select(x => x.Trim().ToLowerInvariant())] : []);
            if (profile.Validate(today) is { } problem)
                throw new UsageException(problem.Render(Name));
            await using (var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct))
                await diary.SetProfileAsync(profile, ct);
            var response = ProfileResponse.From(profile, today);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(response);
            cli.Out.WriteLine($"Profile saved. Life stage today: {response.LifeStageToday}.");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
