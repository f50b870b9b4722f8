using Magnesia.Foods;

namespace Magnesia.Tests.Foods;

public sealed class FoodQueryTests
{
    // What the reader takes out of a query: quantity, unit, and the food words left to rank (issue 13's examples and kin).
    [Theory]
    [InlineData("200 g chicken thigh", 200.0, "g", "chicken thigh")]
    [InlineData("200g chicken thigh", 200.0, "g", "chicken thigh")]
    [InlineData("a mug of hot chocolate", 1.0, "mug", "hot chocolate")]
    [InlineData("2 cups of skim milk", 2.0, "cup", "skim milk")]
    [InlineData("half a grapefruit", 0.5, null, "grapefruit")]
    [InlineData("1/2 cup cooked brown rice", 0.5, "cup", "cooked brown rice")]
    [InlineData("1 1/2 cups broccoli", 1.5, "cup", "broccoli")]
    [InlineData("1½ cups broccoli", 1.5, "cup", "broccoli")]
    [InlineData("one and a half cups of milk", 1.5, "cup", "milk")]
    [InlineData("two boiled eggs", 2.0, null, "boiled eggs")]
    [InlineData("a dozen eggs", 12.0, null, "eggs")]
    [InlineData("half a dozen eggs", 6.0, null, "eggs")]
    [InlineData("1 large egg", 1.0, "large", "egg")]
    [InlineData("2 extra large eggs", 2.0, "extra large", "eggs")]
    [InlineData("12 fl oz cola", 12.0, "fl oz", "cola")]
    [InlineData("an 8 oz glass of whole milk", 8.0, "fl oz", "whole milk")] // an ounce in a glass is a fluid ounce
    [InlineData("a 12 oz can of cola", 12.0, "fl oz", "cola")]
    [InlineData("8 oz steak", 8.0, "oz", "steak")]
    [InlineData("250ml almond milk", 250.0, "ml", "almond milk")]
    [InlineData("3 tbsp of peanut butter", 3.0, "tbsp", "peanut butter")]
    [InlineData("a spoonful of honey", 1.0, "tbsp", "honey")]
    [InlineData("rasher of bacon", null, "slice", "bacon")]
    [InlineData("cup of green tea", null, "cup", "green tea")]
    [InlineData("about 100 g rice", 100.0, "g", "rice")]
    [InlineData("2-3 slices of bread", 2.5, "slice", "bread")]
    [InlineData("chicken thigh 200g", 200.0, "g", "chicken thigh")]
    [InlineData("milk, 2 cups", 2.0, "cup", "milk")]
    public void Read_SeparatesTheAmountFromTheFoodWords(string text, double? quantity, string? unit, string foodWords)
    {
        var q = FoodQuery.Read(text);
        Assert.Equal(quantity, q.Quantity);
        Assert.Equal(unit, q.Unit?.Name);
        Assert.Equal(foodWords, q.FoodWords);
    }

    // Numbers that are part of a food's name, and words that are units only in an amount, stay food words.
    [Theory]
    [InlineData("2% milk")]
    [InlineData("1 percent milk")]
    [InlineData("7up")]
    [InlineData("half and half")]
    [InlineData("peanut butter cups")]
    [InlineData("canned tuna")]
    [InlineData("cup")]
    [InlineData("large")]
    [InlineData("spinach")]
    public void Read_LeavesFoodNamesWhole(string text)
    {
        var q = FoodQuery.Read(text);
        Assert.False(q.HasAmount);
        Assert.Equal(text, q.FoodWords);
    }

    [Fact]
    public void Read_OfOnlyAnAmount_KeepsTheTextAsFoodWords()
    {
        var q = FoodQuery.Read("200 g");
        Assert.Equal("200 g", q.FoodWords);
        Assert.False(q.HasAmount);
    }
}
