using Bunit;
using KoreaTimeline.Web.Components.Shared;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Components;

public sealed class MarkedTextTest : BunitTest
{
    [Fact]
    public void Marks_matches_and_renders_everything_as_text()
    {
        var cut = Render<MarkedText>(ps => ps.Add(p => p.Text, "<b>Kim</b> meets \u0002Trump\u0003 at the \u0002summit\u0003"));

        Assert.Equal(["Trump", "summit"], cut.FindAll("mark.search-match").Select(m => m.TextContent));
        Assert.Empty(cut.FindAll("b"));
        Assert.Contains("&lt;b&gt;Kim&lt;/b&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Stray_markers_are_dropped()
    {
        Assert.Equal([("a", false), ("b", true), ("c", false)], MarkedText.Runs("a\u0002b\u0003\u0003c").ToList());
    }

    [Fact]
    public void Event_card_shows_the_marked_title_and_snippet()
    {
        var item = new KoreaTimeline.Data.Queries.EventSummary(1, "Missile fired", "missile-fired", KoreaTimeline.Extraction.Pipeline.EventType.MissileTest,
            new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 31), KoreaTimeline.Extraction.Pipeline.DatePrecision.Month, "in January", null, []);

        var cut = Render<EventCard>(ps => ps
            .Add(p => p.Item, item)
            .Add(p => p.TitleMarked, "\u0002Missile\u0003 fired")
            .Add(p => p.Snippet, "a \u0002missile\u0003 flew"));

        Assert.Equal("Missile", cut.Find(".event-title mark").TextContent);
        Assert.Equal("/events/1/missile-fired", cut.Find(".event-title a").GetAttribute("href"));
        Assert.Equal("missile", cut.Find(".event-snippet mark").TextContent);
        Assert.Equal("month", cut.Find(".date-precision").TextContent);
    }
}
