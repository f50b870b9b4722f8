using System.Text.Json;

namespace Magnesia.Cli.Tests;

/// <summary>
/// <c>magnesia favourites add|list|log|remove</c> (issue 22). SR28 WEIGHT.txt: egg 01123 "1 large" = 50 g
/// (12 mg/100 g); brown rice cooked 20037 "1 cup" = 202 g (39 mg/100 g).
/// </summary>
public sealed class FavouritesCommandTests
{
    [Fact]
    public async Task Favourites_StarASentence_ListNewestFirst_LogInTheStarredAmount_Remove()
    {
        var db = await Diary.WithProfileAsync();
        Assert.Contains("2 × 1 large = 100 g, 12 mg magnesium", await Diary.RunOkAsync(db, "favourites", "add", "2", "eggs"), StringComparison.Ordinal);
        await Diary.RunOkAsync(db, "favourites", "add", "1", "cup", "brown", "rice");
        var list = JsonDocument.Parse(await Diary.RunOkAsync(db, "favourites", "list", "--json")).RootElement;
        Assert.Equal(["20037", "01123"], list.EnumerateArray().Select(f => f.GetProperty("foodId").GetString()));
        Assert.Equal(202, list[0].GetProperty("grams").GetDouble());

        var logged = JsonDocument.Parse(await Diary.RunOkAsync(db, "favourites", "log", "01123", "--date", "2026-11-25", "--meal", "breakfast", "--json")).RootElement;
        Assert.Equal(100, logged.GetProperty("grams").GetDouble());
        var day = JsonDocument.Parse(await Diary.RunOkAsync(db, "day", "--date", "2026-11-25", "--json")).RootElement;
        Assert.Equal(12, day.GetProperty("magnesiumTotalMg").GetDouble(), 2);

        await Diary.RunOkAsync(db, "favourites", "remove", "01123");
        list = JsonDocument.Parse(await Diary.RunOkAsync(db, "favourites", "list", "--json")).RootElement;
        Assert.Equal(["20037"], list.EnumerateArray().Select(f => f.GetProperty("foodId").GetString()));
        // The export holds them.
        Assert.Contains("\"favourites\"", await Diary.ExportAsync(db), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("favourites add 200 g quorn", "no food named 'quorn'")]
    [InlineData("favourites add banana", "no amount")]
    [InlineData("favourites log 01123", "01123 is not one of your favourites")]
    [InlineData("favourites remove 01123", "01123 is not one of your favourites")]
    [InlineData("favourites remove spinach", "<food-id> must be a food id")]
    public async Task Favourites_BadInput_IsExit2WithOneLine_AndChangesNothing(string command, string says)
    {
        var db = await Diary.WithProfileAsync();
        var before = await Diary.ExportAsync(db);
        var r = await CliRunner.RunAsync([.. command.Split(' '), "--db", db]);
        Assert.Equal(2, r.Exit);
        Assert.DoesNotContain("\n", r.Err.Trim(), StringComparison.Ordinal);
        Assert.Contains(says, r.Err, StringComparison.Ordinal);
        Assert.Equal(before, await Diary.ExportAsync(db));
    }
}
