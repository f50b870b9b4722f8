using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia import diary.json [--replace]</c></summary>
internal static class ImportCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var file = new Argument<string>("file") { Description = "A document written by `magnesia export`, or - for stdin." };
        var replace = new Option<bool>("--replace") { Description = "Replace the current diary when it is not empty." };
        var command = new Command("import", "Replace the diary with a JSON document (validated first).") { file, replace };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var json = await cli.ReadTextAsync(path, "<file>", ct);

            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            if (!parse.GetValue(replace) && !(await diary.CountAsync(ct)).IsEmpty)
                throw new UsageException("the diary is not empty; use --replace to replace it (export it first to keep a copy)");
            try
            {
                await diary.ImportAsync(json, path == "-" ? "stdin" : path, ct);
            }
            catch (DiaryImportException e)
            {
                throw new UsageException(e.Message);
            }

            var n = await diary.CountAsync(ct);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(new ImportResponse(n.Entries, n.CustomFoods, n.Recipes, n.Profile));
            cli.Out.WriteLine($"imported {n.Entries} entries, {n.CustomFoods} custom foods, {n.Recipes} recipes");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
