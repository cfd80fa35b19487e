using KoreaTimeline.Data.Queries;

namespace KoreaTimeline.Web.Tests.Queries;

public sealed class SearchSyntaxTest
{
    [Theory]
    [InlineData("missile", "\"missile\"")]
    [InlineData("  kim   jong ", "\"kim\" \"jong\"")]
    [InlineData("missi*", "\"missi\"*")]
    [InlineData("m*", "\"m\"")]
    [InlineData("\"fire and fury\" trump", "\"fire and fury\" \"trump\"")]
    [InlineData("NOT x", "\"NOT\" \"x\"")]
    [InlineData("col:x", "\"col:x\"")]
    [InlineData("who's", "\"who's\"")]
    [InlineData("a\0b\u0007c", "\"abc\"")]
    [InlineData("\"", null)]
    [InlineData("* - ( )", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Input_becomes_a_quoted_match_expression(string? input, string? expected) =>
        Assert.Equal(expected, SearchSyntax.ToMatchExpression(input));

    [Fact]
    public void Length_and_terms_are_capped()
    {
        Assert.Equal(SearchSyntax.MaxLength, SearchSyntax.Clean(new string('x', 5000)).Length);
        Assert.Equal(SearchSyntax.MaxTerms, SearchSyntax.Terms(string.Join(' ', Enumerable.Range(0, 50).Select(i => $"w{i}"))).Count);
    }
}
