using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Tests.Events;

public sealed class SentenceSplitterTest
{
    [Theory]
    [InlineData("North Korea fired a missile. Seoul condemned it.", new[] { "North Korea fired a missile.", "Seoul condemned it." })]
    [InlineData("The U.S. Navy sent a carrier. It arrived Sunday.", new[] { "The U.S. Navy sent a carrier.", "It arrived Sunday." })]
    [InlineData("Gen. Kim spoke on Jan. 5 in Seoul. Talks followed.", new[] { "Gen. Kim spoke on Jan. 5 in Seoul.", "Talks followed." })]
    [InlineData("He said: \"We are ready.\" Then he left.", new[] { "He said: \"We are ready.\"", "Then he left." })]
    [InlineData("First paragraph without a stop\n\nSecond one.", new[] { "First paragraph without a stop", "Second one." })]
    [InlineData("Launched at 3.5 km altitude. Really?  Yes!", new[] { "Launched at 3.5 km altitude.", "Really?", "Yes!" })]
    [InlineData("It struck at 10:29 a.m. China said it saw a blast.", new[] { "It struck at 10:29 a.m.", "China said it saw a blast." })]
    [InlineData("It landed at 7 a.m. KST on Friday. Seoul said so.", new[] { "It landed at 7 a.m. KST on Friday.", "Seoul said so." })]
    [InlineData("Talks open at 9 a.m. Monday in Geneva.", new[] { "Talks open at 9 a.m. Monday in Geneva." })]
    [InlineData("It flew at 6 p.m. Pyongyang time over the sea.", new[] { "It flew at 6 p.m. Pyongyang time over the sea." })]
    public void Splits_news_text_into_sentences(string text, string[] expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]));

    [Fact]
    public void Empty_and_blank_text_has_no_sentences()
    {
        Assert.Empty(SentenceSplitter.Split(""));
        Assert.Empty(SentenceSplitter.Split(" \n\t "));
    }
}
