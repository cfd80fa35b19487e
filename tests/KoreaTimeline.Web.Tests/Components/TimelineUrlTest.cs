using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Timeline;

namespace KoreaTimeline.Web.Tests.Components;

public sealed class TimelineUrlTest
{
    [Fact]
    public void The_issue_example_round_trips()
    {
        var filter = TimelineUrl.Parse("missile", ["north-korea", "kim-jong-un"], ["missile_test"], "2019-01-01", "2025-12-31", "date");

        Assert.Equal("missile", filter.Query);
        Assert.Equal(["north-korea", "kim-jong-un"], filter.Actors);
        Assert.Equal([EventType.MissileTest], filter.Types);
        Assert.Equal(new DateOnly(2019, 1, 1), filter.From);
        Assert.Equal(new DateOnly(2025, 12, 31), filter.To);
        Assert.Equal(TimelineSort.Newest, filter.Sort);
        Assert.Equal("/?q=missile&actor=north-korea&actor=kim-jong-un&type=missile_test&from=2019-01-01&to=2025-12-31&sort=date", TimelineUrl.ToUrl(filter));
    }

    [Theory]
    [InlineData(null, null, TimelineSort.Newest, "/")]
    [InlineData("kim", null, TimelineSort.Relevance, "/?q=kim")]
    [InlineData(null, "relevance", TimelineSort.Relevance, "/")]
    [InlineData(null, "date-asc", TimelineSort.Oldest, "/?sort=date-asc")]
    [InlineData("kim", "sideways", TimelineSort.Relevance, "/?q=kim")]
    public void Sort_defaults_to_relevance_with_a_search_and_is_left_out_when_default(string? q, string? sort, TimelineSort expected, string url)
    {
        var filter = TimelineUrl.Parse(q, null, null, null, null, sort);

        Assert.Equal(expected, filter.Sort);
        Assert.Equal(url, TimelineUrl.ToUrl(filter));
    }

    [Fact]
    public void Bad_values_are_ignored_and_text_is_escaped()
    {
        var filter = TimelineUrl.Parse("a&b=c #\u0000", ["  North-Korea ", "", "north-korea"], ["nope", "summit", "summit"], "2019-02-30", "soon", null);

        Assert.Equal("a&b=c #", filter.Query);
        Assert.Equal(["north-korea"], filter.Actors);
        Assert.Equal([EventType.Summit], filter.Types);
        Assert.Null(filter.From);
        Assert.Null(filter.To);
        Assert.Equal("/?q=a%26b%3Dc%20%23&actor=north-korea&type=summit", TimelineUrl.ToUrl(filter));
    }
}
