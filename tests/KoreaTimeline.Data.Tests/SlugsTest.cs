namespace KoreaTimeline.Data.Tests;

public sealed class SlugsTest
{
    [Theory]
    [InlineData("USS Nimitz arrives in Sasebo", "uss-nimitz-arrives-in-sasebo")]
    [InlineData("Seoul calls the U.S. drills a “routine exercise”", "seoul-calls-the-us-drills-a-routine-exercise")]
    [InlineData("Trump's first term", "trumps-first-term")]
    [InlineData("  --  ", "event")]
    [InlineData("Lê Văn Hiến visits Seoul", "le-van-hien-visits-seoul")]
    public void Slug_is_lowercase_ascii_words_joined_by_hyphens(string text, string expected) =>
        Assert.Equal(expected, Slugs.From(text));

    [Fact]
    public void Slug_is_capped() => Assert.True(Slugs.From(string.Join(' ', Enumerable.Repeat("word", 50)), 20).Length <= 20);
}
