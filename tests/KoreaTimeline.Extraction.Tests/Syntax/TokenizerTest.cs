using KoreaTimeline.Extraction.Syntax;

namespace KoreaTimeline.Extraction.Tests.Syntax;

public sealed class TokenizerTest
{
    [Theory]
    [InlineData("North Korea fired two missiles.", new[] { "North", "Korea", "fired", "two", "missiles", "." })]
    [InlineData("The U.S.-led drills began Dec. 5, officials said.", new[] { "The", "U.S.-led", "drills", "began", "Dec.", "5", ",", "officials", "said", "." })]
    [InlineData("Seoul's envoy didn't go; they're \"ready\".", new[] { "Seoul", "'s", "envoy", "did", "n't", "go", ";", "they", "'re", "\"", "ready", "\"", "." })]
    [InlineData("It can't fly and won't.", new[] { "It", "ca", "n't", "fly", "and", "wo", "n't", "." })]
    [InlineData("Mr. Kim met Gen. Park in the U.S.", new[] { "Mr.", "Kim", "met", "Gen.", "Park", "in", "the", "U.S." })]
    [InlineData("A $1,200 bill (3.5%) at 10:30 a.m. today", new[] { "A", "$", "1,200", "bill", "(", "3.5", "%", ")", "at", "10:30", "a.m.", "today" })]
    [InlineData("the allies' response—a warning...", new[] { "the", "allies", "'", "response", "—", "a", "warning", "..." })]
    [InlineData("John F. Kennedy's short-range rocket", new[] { "John", "F.", "Kennedy", "'s", "short-range", "rocket" })]
    [InlineData("“Enough,” he said -- twice!", new[] { "“", "Enough", ",", "”", "he", "said", "--", "twice", "!" })]
    [InlineData("Pyongyang’s launch in the '90s", new[] { "Pyongyang", "’s", "launch", "in", "the", "'90s" })]
    public void Splits_news_text_into_UD_words(string text, string[] expected) =>
        Assert.Equal(expected, EnglishTokenizer.Tokenize(text).Select(t => t.Text));

    [Theory]
    [InlineData("Seoul's envoy didn't go.")]
    [InlineData("  Leading and  double  spaces,\nand a line break (here).  ")]
    [InlineData("“Quoted,” the U.S. said on Dec. 5—late.")]
    public void Offsets_point_back_at_the_source(string text)
    {
        var tokens = EnglishTokenizer.Tokenize(text);
        Assert.NotEmpty(tokens);
        Assert.All(tokens, t => Assert.Equal(t.Text, text[t.Start..t.End]));
        Assert.True(tokens.Zip(tokens.Skip(1)).All(p => p.First.End <= p.Second.Start), "tokens overlap or go backwards");
        // Nothing but white space is left out.
        var covered = new bool[text.Length];
        foreach (var t in tokens)
        {
            Array.Fill(covered, true, t.Start, t.End - t.Start);
        }

        Assert.All(Enumerable.Range(0, text.Length).Where(i => !covered[i]), i => Assert.True(char.IsWhiteSpace(text[i])));
    }

    [Fact]
    public void A_span_of_the_text_keeps_offsets_into_the_whole_text()
    {
        const string text = "First sentence. Kim's second one.";
        var start = text.IndexOf("Kim", StringComparison.Ordinal);
        var tokens = EnglishTokenizer.Tokenize(text, start, text.Length - start);
        Assert.Equal(["Kim", "'s", "second", "one", "."], tokens.Select(t => t.Text));
        Assert.Equal((start, start + 3), (tokens[0].Start, tokens[0].End));
    }

    [Fact]
    public void Empty_and_blank_text_has_no_tokens()
    {
        Assert.Empty(EnglishTokenizer.Tokenize(""));
        Assert.Empty(EnglishTokenizer.Tokenize(" \n\t "));
    }
}
