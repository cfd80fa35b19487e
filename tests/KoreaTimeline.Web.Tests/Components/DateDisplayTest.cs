using Bunit;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Shared;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Components;

public sealed class DateDisplayTest : BunitTest
{
    [Theory]
    [MemberData(nameof(DateDisplayCases.All), MemberType = typeof(DateDisplayCases))]
    public void Format_shows_the_interval_as_precisely_as_known(string start, string end, DatePrecision precision, string expected) =>
        Assert.Equal(expected, DateDisplay.Format(DateOnly.Parse(start), DateOnly.Parse(end), precision));

    [Theory]
    [MemberData(nameof(DateDisplayCases.Mismatched), MemberType = typeof(DateDisplayCases))]
    public void Format_falls_back_to_the_interval_when_the_precision_does_not_fit(string start, string end, DatePrecision precision, string expected) =>
        Assert.Equal(expected, DateDisplay.Format(DateOnly.Parse(start), DateOnly.Parse(end), precision));

    [Fact]
    public void Renders_a_time_element_with_the_original_phrase_as_tooltip()
    {
        var cut = Render<DateDisplay>(ps => ps
            .Add(p => p.Start, new DateOnly(2019, 2, 1))
            .Add(p => p.End, new DateOnly(2019, 2, 28))
            .Add(p => p.Precision, DatePrecision.Month)
            .Add(p => p.DateText, "in February last year"));

        var time = cut.Find("time");
        Assert.Equal("Feb 2019", time.TextContent);
        Assert.Equal("2019-02-01/2019-02-28", time.GetAttribute("datetime"));
        Assert.Contains("in February last year", time.GetAttribute("title"), StringComparison.Ordinal);
    }
}
