using System.Text;

namespace Magnesia.Cli.Tests;

/// <summary>
/// Issue 20's CLI findings: <c>--db</c> names a store or a path in an existing folder, never a text file, a device or
/// a typo that starts a second diary; <c>db restore</c> asks first; <c>import -</c> reads stdin with a cap; tiny
/// amounts, .NET type names and control characters never reach the user.
/// </summary>
public sealed class HardeningTests
{
    private static string TempFile(string name, byte[] content)
    {
        var dir = Path.Combine(Path.GetTempPath(), "magnesia-cli-hardening-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    // Before: exit 1 "SQLite Error 26" and X.lock files beside a text file; exit 1 for /dev/null.
    [Fact]
    public async Task DbOnATextFile_IsExit2_AndLeavesNothingBesideIt()
    {
        var notes = TempFile("notes.txt", Encoding.UTF8.GetBytes("my shopping list\n"));
        var r = await CliRunner.RunAsync("day", "--db", notes);
        Assert.Equal(2, r.Exit);
        Assert.Contains("not a Magnesia store", r.Err, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFiles(Path.GetDirectoryName(notes)!).Select(Path.GetFileName));
        Assert.Equal("my shopping list\n", await File.ReadAllTextAsync(notes, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/dev/null")]
    [InlineData("/dev/zero")]
    public async Task DbOnADevice_IsExit2(string device)
    {
        var r = await CliRunner.RunAsync("day", "--db", device);
        Assert.Equal(2, r.Exit);
        Assert.Contains("not a Magnesia store", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbOnAnotherProgramsDatabase_IsExit2_AndTheDatabaseIsUntouched()
    {
        var path = Path.Combine(Path.GetTempPath(), "magnesia-foreign-" + Guid.NewGuid().ToString("N") + ".sqlite");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var create = c.CreateCommand();
            create.CommandText = "CREATE TABLE photos (id INTEGER PRIMARY KEY, title TEXT)";
            create.ExecuteNonQuery();
        }

        var before = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        var r = await CliRunner.RunAsync("day", "--db", path);
        Assert.Equal(2, r.Exit);
        Assert.Contains("another program's SQLite database (tables: photos)", r.Err, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ACorruptStore_IsExit2_NotAStackTrace()
    {
        var good = await CliRunner.FreshDatabaseAsync();
        var bytes = await File.ReadAllBytesAsync(good, TestContext.Current.CancellationToken);
        // Keep the header, scribble over the schema page.
        for (var i = 100; i < 4096; i++)
            bytes[i] = 0xAB;
        var corrupt = TempFile("corrupt.db", bytes);
        var r = await CliRunner.RunAsync("day", "--db", corrupt);
        Assert.Equal(2, r.Exit);
        Assert.StartsWith("magnesia: not a Magnesia store", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyDb_IsAnError_NotTheDefaultStore()
    {
        var r = await CliRunner.RunAsync("day", "--db", "");
        Assert.Equal(2, r.Exit);
        Assert.Contains("--db is empty", r.Err, StringComparison.Ordinal);
    }

    // Before: the folders and a new store were created, so a typo started a second diary.
    [Fact]
    public async Task DbInAMissingFolder_IsExit2_AndCreatesNothing()
    {
        var db = Path.Combine(Path.GetTempPath(), "magnesia-typo-" + Guid.NewGuid().ToString("N"), "m.db");
        var r = await CliRunner.RunAsync("profile", "set", "--age", "30", "--sex", "female", "--db", db);
        Assert.Equal(2, r.Exit);
        Assert.Contains("does not exist", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(db)));
    }

    [Fact]
    public async Task DbRestore_WithoutATerminal_NeedsYes_AndAsksOnATerminal()
    {
        var db = await CliRunner.FreshDatabaseAsync();
        var backup = db + ".bak";
        Assert.Equal(0, (await CliRunner.RunAsync("db", "backup", backup, "--db", db)).Exit);
        Assert.Equal(0, (await CliRunner.RunAsync("profile", "set", "--age", "41", "--sex", "male", "--db", db)).Exit);

        var refused = await CliInput.RunAsync("", false, "db", "restore", backup, "--db", db);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("--yes", refused.Err, StringComparison.Ordinal);
        var no = await CliInput.RunAsync("n\n", true, "db", "restore", backup, "--db", db);
        Assert.Equal(2, no.Exit);
        Assert.Contains("[y/N]", no.Err, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.RunAsync("profile", "show", "--db", db)).Exit); // the profile is still there

        Assert.Equal(0, (await CliInput.RunAsync("y\n", true, "db", "restore", backup, "--db", db)).Exit);
        Assert.Equal(2, (await CliRunner.RunAsync("profile", "show", "--db", db)).Exit); // the backup had no profile
        Assert.Equal(0, (await CliRunner.RunAsync("db", "restore", backup, "--yes", "--db", db)).Exit);
    }

    [Fact]
    public async Task ImportDash_ReadsStdin()
    {
        var source = await CliRunner.FreshDatabaseAsync();
        Assert.Equal(0, (await CliRunner.RunAsync("profile", "set", "--age", "30", "--sex", "female", "--db", source)).Exit);
        Assert.Equal(0, (await CliRunner.RunAsync("log", "food", "11457", "--grams", "30", "--db", source)).Exit);
        var exported = (await CliRunner.RunAsync("export", "--db", source)).Out;
        var target = await CliRunner.FreshDatabaseAsync();
        var r = await CliInput.RunAsync(exported, false, "import", "-", "--db", target);
        Assert.Equal(0, r.Exit);
        Assert.Contains("imported 1 entries", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportOfDevZero_StopsAtTheCap()
    {
        var r = await CliRunner.RunWithDbAsync("import", "/dev/zero");
        Assert.Equal(2, r.Exit);
        Assert.Contains("larger than 64 MiB", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATinyAmount_IsRefused_NotLoggedAsZeroGrams()
    {
        var db = await CliRunner.FreshDatabaseAsync();
        Assert.Equal(0, (await CliRunner.RunAsync("profile", "set", "--age", "30", "--sex", "female", "--db", db)).Exit);
        var r = await CliRunner.RunAsync("log", "food", "11457", "--grams", "1e-12", "--db", db);
        Assert.Equal(2, r.Exit);
        Assert.Contains("0.1", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AParseError_SpeaksOfWhatToType_NotOfDotNetTypes()
    {
        var r = await CliRunner.RunAsync("serum", "lots", "--unit", "mmol/L"); // before: "as expected type 'System.Double'"
        Assert.Equal(2, r.Exit);
        Assert.DoesNotContain("System.", r.Err, StringComparison.Ordinal);
        Assert.Contains("as a number", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("foods", "add", "--name", "Oat \u202Eknird", "--magnesium-mg", "10")]
    [InlineData("foods", "add", "--name", "\u200B", "--magnesium-mg", "10")]
    [InlineData("log", "symptom", "fatigue", "--severity", "2", "--note", "\u001b]0;pwned\u0007")]
    public async Task ControlAndBidiCharacters_AreRefused(params string[] args)
    {
        var db = await CliRunner.FreshDatabaseAsync();
        Assert.Equal(0, (await CliRunner.RunAsync("profile", "set", "--age", "30", "--sex", "female", "--db", db)).Exit);
        var r = await CliRunner.RunAsync([.. args, "--db", db]);
        Assert.Equal(2, r.Exit);
    }

    // An old row written before the rule (here straight into the store) still never reaches the terminal raw.
    [Fact]
    public async Task StoredEscapeSequences_AreNeutralisedOnOutput()
    {
        var db = await CliRunner.FreshDatabaseAsync();
        Assert.Equal(0, (await CliRunner.RunAsync("profile", "set", "--age", "30", "--sex", "female", "--db", db)).Exit);
        Assert.Equal(0, (await CliRunner.RunAsync("log", "symptom", "fatigue", "--severity", "2", "--note", "fine", "--date", "2026-11-26", "--db", db)).Exit);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var update = c.CreateCommand();
            update.CommandText = "UPDATE diary_entries SET \"Note\" = 'x\u001b[2J\u001b]0;pwned\u0007\u202Ey'";
            update.ExecuteNonQuery();
        }

        var r = await CliRunner.RunAsync("day", "--date", "2026-11-26", "--db", db);
        Assert.Equal(0, r.Exit);
        Assert.DoesNotContain('\u001b', r.Out);
        Assert.DoesNotContain('\u0007', r.Out);
        Assert.DoesNotContain('\u202E', r.Out);
        Assert.Contains("x\uFFFD[2J", r.Out, StringComparison.Ordinal);
    }
}
