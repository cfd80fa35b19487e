using Bunit;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Web.Components.Timeline;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Components;

public sealed class YearHistogramTest : BunitTest
{
    private (int From, int To)? range;

    private IRenderedComponent<YearHistogram> RenderHistogram(DateOnly? from = null, DateOnly? to = null) =>
        Render<YearHistogram>(ps => ps
            .Add(p => p.Years, [new YearCount(2015, 2), new YearCount(2018, 8), new YearCount(2016, 4)])
            .Add(p => p.From, from)
            .Add(p => p.To, to)
            .Add(p => p.RangeChanged, r => range = r));

    [Fact]
    public void One_bar_per_year_from_first_to_last_with_heights_by_count()
    {
        var cut = RenderHistogram();

        var bars = cut.FindAll(".year-histogram-column");
        Assert.Equal(["2015", "2016", "2017", "2018"], bars.Select(b => b.GetAttribute("data-year")));
        Assert.Equal("height: 25%", cut.Find("[data-year='2015'] .year-histogram-bar").GetAttribute("style"));
        Assert.Equal("height: 0", cut.Find("[data-year='2017'] .year-histogram-bar").GetAttribute("style"));
        Assert.Equal("height: 100%", cut.Find("[data-year='2018'] .year-histogram-bar").GetAttribute("style"));
        Assert.Equal("2018: 8 events", bars[3].GetAttribute("title"));
        Assert.Contains("most in 2018 (8)", cut.Find(".visually-hidden").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_inside_the_chosen_range_are_highlighted()
    {
        var cut = RenderHistogram(new DateOnly(2016, 3, 1), new DateOnly(2017, 6, 30));

        Assert.Equal(["2016", "2017"], cut.FindAll(".year-histogram-column.selected").Select(b => b.GetAttribute("data-year")));
    }

    [Fact]
    public void A_click_picks_one_year_and_a_shift_click_extends_to_it()
    {
        var cut = RenderHistogram();

        cut.Find("[data-year='2016']").PointerDown();
        cut.Find("[data-year='2016']").PointerUp();
        Assert.Equal((2016, 2016), range);

        cut.Find("[data-year='2018']").PointerDown(new Microsoft.AspNetCore.Components.Web.PointerEventArgs { ShiftKey = true });
        cut.Find("[data-year='2018']").PointerUp(new Microsoft.AspNetCore.Components.Web.PointerEventArgs { ShiftKey = true });
        Assert.Equal((2016, 2018), range);
    }

    [Fact]
    public void Dragging_backwards_orders_the_years()
    {
        var cut = RenderHistogram();

        cut.Find("[data-year='2018']").PointerDown();
        cut.Find("[data-year='2015']").PointerUp();

        Assert.Equal((2015, 2018), range);
    }

    [Fact]
    public void No_years_says_so()
    {
        var cut = Render<YearHistogram>(ps => ps.Add(p => p.Years, []));

        Assert.Contains("No dated events", cut.Markup, StringComparison.Ordinal);
    }
}
