using Magnesia.Foods;

namespace Magnesia.Tests.Foods;

public sealed class FoodGroupTests
{
    // USDA SR28 documentation, FD_GROUP: 25 food groups.
    [Fact]
    public void All_HasThe25Sr28Groups() => Assert.Equal(25, FoodGroups.All.Count);

    [Theory]
    [InlineData("1200", "Nut and Seed Products")]
    [InlineData("12", "Nut and Seed Products")]
    [InlineData("vegetables", "Vegetables and Vegetable Products")]
    [InlineData("Baby Foods", "Baby Foods")]
    [InlineData("fruits and fruit juices", "Fruits and Fruit Juices")]
    public void Resolve_AcceptsCodesNamesAndUnambiguousParts(string text, string name) =>
        Assert.Equal(name, FoodGroups.Resolve(text)!.Name);

    [Theory]
    [InlineData("products")] // ambiguous: many groups
    [InlineData("9999")]
    [InlineData("")]
    public void Resolve_ReturnsNullWhenNotExactlyOneGroup(string text) => Assert.Null(FoodGroups.Resolve(text));
}

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("berries", "berry")]
    [InlineData("tomatoes", "tomato")]
    [InlineData("peaches", "peach")]
    [InlineData("beans", "bean")]
    [InlineData("asparagus", "asparagus")]
    [InlineData("hummus", "hummus")]
    [InlineData("molasses", "molass")]
    [InlineData("oats", "oat")]
    [InlineData("pea", "pea")]
    public void Stem_ReducesPluralsOnly(string word, string stem) => Assert.Equal(stem, SearchText.Stem(word));

    [Fact]
    public void Fold_RemovesLatin1AccentsAndCase() => Assert.Equal("creme fraiche", SearchText.Fold("Crème Fraîche"));

    [Fact]
    public void Tokens_DoNotSplitSegmentsInsideParentheses()
    {
        var tokens = SearchText.Tokens("Chickpeas (garbanzo beans, bengal gram), mature seeds, raw");
        Assert.Equal(0, tokens.Single(t => t.Stem == "gram").Segment);
        Assert.Equal(1, tokens.Single(t => t.Stem == "mature").Segment);
        Assert.True(tokens.Single(t => t.Stem == "chickpea").PhraseEnd);
        Assert.True(tokens.Single(t => t.Stem == "gram").InParentheses);
    }

    [Fact]
    public void Tokens_MarkTheWordBeforeOrAsAPhraseEnd() =>
        Assert.True(SearchText.Tokens("Nuts, hazelnuts or filberts").Single(t => t.Stem == "hazelnut").PhraseEnd);
}

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("spinach", "spinach", 0)]
    [InlineData("spinch", "spinach", 1)]
    [InlineData("avacado", "avocado", 1)]
    [InlineData("quinao", "quinoa", 1)]   // adjacent transposition counts once
    [InlineData("brocolli", "broccoli", 2)]
    [InlineData("", "abc", 3)]
    public void DamerauLevenshtein_CountsEdits(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.DamerauLevenshtein(a, b));

    [Fact]
    public void DamerauLevenshtein_StopsPastTheLimit() => Assert.Equal(2, EditDistance.DamerauLevenshtein("kale", "spinach", 1));

    [Fact]
    public void Phonetic_KeysSoundAlikesTogether()
    {
        Assert.Equal(Phonetic.Key("sardine"), Phonetic.Key("sardeen"));
        Assert.Equal(Phonetic.Key("broccoli"), Phonetic.Key("brokoli"));
        Assert.NotEqual(Phonetic.Key("kale"), Phonetic.Key("spinach"));
    }
}
