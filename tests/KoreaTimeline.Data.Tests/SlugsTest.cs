namespace KoreaTimeline.Data.Tests;

public sealed class SlugsTest
{
    [Theory]
    [InlineData("USS Carl Vinson arrives in Busan", "uss-carl-vinson-arrives-in-busan")]
    [InlineData("Kim Jong-un declares the U.S. the “number one enemy”", "kim-jong-un-declares-the-us-the-number-one-enemy")]
    [InlineData("Trump's first term", "trumps-first-term")]
    [InlineData("  --  ", "event")]
    [InlineData("Lê Văn Hiến visits Seoul", "le-van-hien-visits-seoul")]
    public void Slug_is_lowercase_ascii_words_joined_by_hyphens(string text, string expected) =>
        Assert.Equal(expected, Slugs.From(text));

    [Fact]
    public void Slug_is_capped() => Assert.True(Slugs.From(string.Join(' ', Enumerable.Repeat("word", 50)), 20).Length <= 20);
}
