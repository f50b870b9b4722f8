namespace Magnesia.Cli.Tests;

/// <summary>Bad input: exit code 2, one line on stderr naming the problem, nothing on stdout, nothing written.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("--sex female", "--age is required")]
    [InlineData("--age 30", "--sex is required")]
    [InlineData("--age 30 --sex woman", "--sex must be female or male")]
    [InlineData("--age 30 --sex male --pregnant", "pregnancy applies only to females")]
    [InlineData("--age 30 --sex male --lactating", "lactation applies only to females")]
    [InlineData("--age 5 --sex female --pregnant", "pregnancy is accepted only for ages 10 to 50")]
    [InlineData("--age 30 --sex female --pregnant --lactating", "cannot both be given")]
    [InlineData("--age 131 --sex female", "age must be between 0 and 130")]
    [InlineData("--age -2 --sex female", "age must be between 0 and 130")]
    [InlineData("--age 0 --months 12 --sex female", "months must be between 0 and 11")]
    [InlineData("--age abc --sex female", "abc")]
    [InlineData("--age 30 --sex female --bogus", "bogus")]
    public async Task Dri_RejectsBadInput(string args, string message) =>
        await AssertBadInput(["dri", .. args.Split(' ')], message);

    [Theory]
    [InlineData("foods search", "query")]
    [InlineData("foods search spinach --limit 0", "--limit must be between 1 and 100")]
    [InlineData("foods search spinach --limit 101", "--limit must be between 1 and 100")]
    [InlineData("foods search spinach --limit ten", "ten")]
    [InlineData("foods show abc", "<food-id> must be an NDB number")]
    [InlineData("foods show 123456", "<food-id> must be an NDB number")]
    [InlineData("foods top --per 100ml", "--per must be 100g, 100kcal or portion")]
    [InlineData("foods top --group products", "matches no single food group")]
    [InlineData("foods top --limit 0", "--limit must be between 1 and 1000")]
    [InlineData("foods parse", "<text> must contain at least one word")]
    [InlineData("foods parse of the", "<text> must contain at least one word")]
    [InlineData("foods frobnicate", "frobnicate")]
    [InlineData("nonsense", "nonsense")]
    public async Task Foods_RejectsBadInputWithoutCreatingADatabase(string args, string message)
    {
        var db = CliRunner.MissingDatabase();
        await AssertBadInput([.. args.Split(' '), "--db", db], message);
        Assert.False(File.Exists(db), "bad input must not create the database");
    }

    // Planner bad input (issue 9): unknown ids, malformed times, negative or non-finite numbers: exit 2, one line.
    [Theory]
    [InlineData("plan supplement --form nope", "--form: unknown form 'nope'")]
    [InlineData("plan supplement --medications cipro:08:00", "unknown medication 'cipro'")]
    [InlineData("plan supplement --medications ciprofloxacin", "must be id:HH:MM")]
    [InlineData("plan supplement --medications ciprofloxacin:25:00", "'25:00' is not a time of day")]
    [InlineData("plan supplement --medications ciprofloxacin:8am", "'8am' is not a time of day")]
    [InlineData("plan supplement --medications ciprofloxacin:08:00,levothyroxine:", "'' is not a time of day")]
    [InlineData("plan supplement --intake-mg -5", "--intake-mg")]
    [InlineData("plan supplement --intake-mg NaN", "--intake-mg")]
    [InlineData("plan supplement --intake-mg ten", "ten")]
    [InlineData("plan supplement --egfr -1", "--egfr")]
    [InlineData("plan supplement --egfr Infinity", "--egfr")]
    [InlineData("plan supplement --from 2026-11-01", "give both --from and --to")]
    [InlineData("plan supplement --from 2026-11-10 --to 2026-11-01", "--to is before --from")]
    [InlineData("plan supplement --from 2026-11-01 --to 2026-11-10 --intake-mg 200", "give --intake-mg or --from/--to, not both")]
    [InlineData("plan supplement --from 2026-13-01 --to 2026-11-10", "2026-13-01")]
    [InlineData("plan supplement --product x1", "'x1' is not a product id")]
    [InlineData("plan supplement --product p1 --form oxide", "give --product or --form, not both")]
    [InlineData("products add --name Mag --form nope --elemental-mg-per-unit 100 --units 60 --price 10", "--form: unknown form 'nope'")]
    [InlineData("products add --name Mag --form oxide --elemental-mg-per-unit -1 --units 60 --price 10", "--elemental-mg-per-unit")]
    [InlineData("products add --name Mag --form oxide --elemental-mg-per-unit 100 --units 0 --price 10", "--units must be between 1 and 10000")]
    [InlineData("products add --name Mag --form oxide --elemental-mg-per-unit 100 --units 60 --price -3", "--price")]
    [InlineData("products add --form oxide --elemental-mg-per-unit 100 --units 60 --price 3", "--name is required")]
    [InlineData("prices set 12014 2.5 --per cup", "--per must be 100g, kg, lb")]
    [InlineData("prices set 12014 -2 --per kg", "<price> must be between 0 and 1000000")]
    [InlineData("prices set 12014 free --per kg", "<price> must be a number")]
    [InlineData("prices set abc 2 --per kg", "<food-id> must be an NDB number")]
    [InlineData("plan foods --mode replace", "--mode must be add or swap")]
    [InlineData("plan foods --target ai", "--target must be ear or rda")]
    [InlineData("plan foods --objective taste", "--objective must be energy, changes or cost")]
    [InlineData("plan foods --diet paleo", "--diet must be vegetarian or vegan")]
    [InlineData("plan foods --max-foods 0", "--max-foods must be between 1 and 20")]
    [InlineData("plan foods --max-foods 21", "--max-foods must be between 1 and 20")]
    [InlineData("plan foods --max-foods two", "two")]
    [InlineData("plan foods --max-added-kcal -100", "--max-added-kcal")]
    [InlineData("plan foods --max-added-kcal NaN", "--max-added-kcal")]
    [InlineData("plan foods --max-added-sodium-mg -1", "--max-added-sodium-mg")]
    [InlineData("plan foods --intake-mg -1", "--intake-mg")]
    [InlineData("plan foods --intake-mg Infinity", "--intake-mg")]
    [InlineData("plan foods --exclude-groups 9999", "unknown food group '9999'")]
    [InlineData("plan foods --exclude-groups 0100,widgets", "unknown food group 'widgets'")]
    [InlineData("plan foods --exclude-foods 123456", "'123456' is not a food id")]
    [InlineData("plan foods --exclude-foods spinach", "'spinach' is not a food id")]
    [InlineData("plan foods --from 2026-11-01", "give both --from and --to")]
    [InlineData("plan foods --from 2026-11-10 --to 2026-11-01", "--to is before --from")]
    [InlineData("plan foods --from 2026-11-01 --to 2026-11-10 --intake-mg 200", "--intake-mg: give it or a diary window (--from), not both")]
    public async Task Planners_RejectBadInputWithoutCreatingADatabase(string args, string message)
    {
        var db = CliRunner.MissingDatabase();
        await AssertBadInput([.. args.Split(' '), "--db", db], message);
        Assert.False(File.Exists(db), "bad input must not create the database");
    }

    [Fact]
    public async Task Show_UnknownNdb_IsBadInput() =>
        await AssertBadInput(["foods", "show", "99999", "--db", await CliRunner.FreshDatabaseAsync()], "no food with NDB number 99999");

    [Fact]
    public async Task Db_ThatIsADirectory_IsBadInput() =>
        await AssertBadInput(["db", "info", "--db", Path.GetTempPath()], "is a directory");

    private static async Task AssertBadInput(string[] args, string message)
    {
        var r = await CliRunner.RunAsync(args);
        Assert.Equal(2, r.Exit);
        Assert.Equal("", r.Out);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("magnesia: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(message, lines[0], StringComparison.OrdinalIgnoreCase);
    }
}
