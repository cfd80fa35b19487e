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

    // The browser's pointer events reach Down/Enter/Up/Leave through app.js's listeners on the bars' container
    // (in Chromium: LargeTimelineBrowserTest).
    [Fact]
    public async Task A_click_picks_one_year_and_a_shift_click_extends_to_it()
    {
        var cut = RenderHistogram();

        await cut.InvokeAsync(() => cut.Instance.Down(2016));
        await cut.InvokeAsync(() => cut.Instance.Up(2016, false));
        Assert.Equal((2016, 2016), range);

        await cut.InvokeAsync(() => cut.Instance.Down(2018));
        await cut.InvokeAsync(() => cut.Instance.Up(2018, true));
        Assert.Equal((2016, 2018), range);
    }

    [Fact]
    public async Task Dragging_backwards_orders_the_years_and_highlights_while_dragging()
    {
        var cut = RenderHistogram();

        await cut.InvokeAsync(() => cut.Instance.Down(2018));
        await cut.InvokeAsync(() => cut.Instance.Enter(2016));
        Assert.Equal(["2016", "2017", "2018"], cut.FindAll(".year-histogram-column.selected").Select(b => b.GetAttribute("data-year")));
        await cut.InvokeAsync(() => cut.Instance.Up(2015, false));

        Assert.Equal((2015, 2018), range);
        Assert.Empty(cut.FindAll(".year-histogram-column.selected"));
    }

    [Fact]
    public void The_bars_have_no_handlers_of_their_own_and_the_container_is_handed_to_the_script()
    {
        var cut = RenderHistogram();

        Assert.DoesNotContain("blazor:on", cut.Markup, StringComparison.Ordinal);
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "koreaTimeline.histogram");
    }

    [Fact]
    public void No_years_says_so()
    {
        var cut = Render<YearHistogram>(ps => ps.Add(p => p.Years, []));

        Assert.Contains("No dated events", cut.Markup, StringComparison.Ordinal);
    }
}
