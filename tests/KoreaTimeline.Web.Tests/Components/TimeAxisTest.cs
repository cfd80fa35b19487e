using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bunit;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Timeline;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Components;

/// <summary>The time axis: its calendar scales, its SVG (bounded by slices, not events) and its toolbar's links.</summary>
public sealed partial class TimeAxisTest : BunitTest
{
    private static readonly DateOnly Jan2019 = new(2019, 1, 1);

    private static string Url(DateOnly? from, DateOnly? to, bool lanes) =>
        $"/?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}{(lanes ? "&lanes=type" : "")}";

    private static string Slice(DateOnly from, DateOnly to) => Url(from, to, false);

    [Theory]
    [InlineData("2019-03-01", "2019-03-20", AxisUnit.Day, 20)]
    [InlineData("2019-01-01", "2019-06-30", AxisUnit.Week, 26)]
    [InlineData("2019-01-01", "2021-12-31", AxisUnit.Month, 36)]
    [InlineData("2015-01-01", "2024-12-31", AxisUnit.Quarter, 40)]
    [InlineData("1990-01-01", "2025-12-31", AxisUnit.Year, 36)]
    [InlineData("1950-06-25", "2025-12-31", AxisUnit.FiveYears, 16)]
    [InlineData("1700-01-01", "2025-12-31", AxisUnit.Decade, 33)]
    public void A_scale_takes_the_finest_calendar_unit_that_fits(string from, string to, AxisUnit unit, int bins)
    {
        var scale = AxisScale.For(DateOnly.Parse(from), DateOnly.Parse(to));

        Assert.Equal((unit, bins), (scale.Unit, scale.Bins));
        Assert.Equal(DateOnly.Parse(from).DayNumber, scale.Boundaries[0]);
        Assert.Equal(DateOnly.Parse(to).DayNumber + 1, scale.Boundaries[^1]);
        Assert.True(scale.Bins <= AxisScale.MaxBins);
    }

    [Fact]
    public void Slices_are_calendar_units_cut_to_the_view()
    {
        var scale = AxisScale.For(new DateOnly(2019, 2, 10), new DateOnly(2019, 5, 20));

        Assert.Equal(AxisUnit.Week, scale.Unit);
        // Weeks start on Monday; 10 February 2019 is a Sunday.
        Assert.Equal((new DateOnly(2019, 2, 10), new DateOnly(2019, 2, 10)), scale.Slice(0));
        Assert.Equal((new DateOnly(2019, 2, 11), new DateOnly(2019, 2, 17)), scale.Slice(1));
        Assert.Equal(0, scale.BinOf(new DateOnly(2018, 1, 1).DayNumber));
        Assert.Equal(1, scale.BinOf(new DateOnly(2019, 2, 17).DayNumber));
        Assert.Equal(scale.Bins - 1, scale.BinOf(new DateOnly(2019, 5, 20).DayNumber));
    }

    [Fact]
    public void The_ends_of_the_calendar_make_a_scale_without_error()
    {
        var scale = AxisScale.For(DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal(AxisUnit.Decade, scale.Unit);
        Assert.True(scale.Bins <= AxisScale.MaxBins);
        Assert.NotEmpty(TimeAxisSvg.Ticks(scale));
    }

    private static TimeAxisData Sample(int clustered)
    {
        var scale = AxisScale.For(Jan2019, new DateOnly(2019, 12, 31));
        AxisEvent E(int id, string title, DateOnly start, DateOnly end, DatePrecision precision) =>
            new(id, title, "t" + id, EventType.Summit, start, end, precision, 0);
        return new TimeAxisData(scale, clustered + 3, [new AxisLane(null, clustered + 3)],
            [new AxisCluster(0, new DateOnly(2019, 3, 1), new DateOnly(2019, 3, 31), clustered)],
            [
                E(1, "A day <b>summit</b>", new DateOnly(2019, 2, 27), new DateOnly(2019, 2, 27), DatePrecision.Day),
                E(2, "Late in the year", new DateOnly(2019, 9, 1), new DateOnly(2019, 12, 31), DatePrecision.Approximate),
                E(3, "Four days of talks", new DateOnly(2019, 6, 10), new DateOnly(2019, 6, 13), DatePrecision.Range),
            ],
            (new DateOnly(2019, 3, 1), new DateOnly(2019, 3, 31), clustered));
    }

    [Fact]
    public void The_svg_draws_days_as_points_ranges_as_bars_and_approximate_dates_apart()
    {
        var svg = XElement.Parse(TimeAxisSvg.Render(Sample(40), Slice));
        XNamespace ns = "http://www.w3.org/2000/svg";

        var marks = svg.Descendants(ns + "a").Where(a => a.Attribute("data-event-id") is not null)
            .ToDictionary(a => a.Attribute("data-event-id")!.Value);
        Assert.Equal("axis-event point", marks["1"].Attribute("class")!.Value);
        Assert.NotNull(marks["1"].Element(ns + "circle"));
        Assert.Equal("axis-event range approx", marks["2"].Attribute("class")!.Value);
        Assert.Equal("66.575%", marks["2"].Element(ns + "rect")!.Attribute("x")!.Value); // 1 September is 243 days into 365
        Assert.Equal("axis-event range", marks["3"].Attribute("class")!.Value);
        Assert.Equal("/events/1/t1", marks["1"].Attribute("href")!.Value);
        Assert.Equal("-1", marks["1"].Attribute("tabindex")!.Value);
        // Titles are text: the markup in one is encoded, and approximate dates say their precision.
        Assert.Equal("Wed 27 Feb 2019: A day <b>summit</b>", marks["1"].Element(ns + "title")!.Value);
        Assert.StartsWith("late 2019", marks["2"].Element(ns + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("(approximate precision)", marks["2"].Element(ns + "title")!.Value, StringComparison.Ordinal);

        var cluster = Assert.Single(svg.Descendants(ns + "a"), a => a.Attribute("class")?.Value == "axis-cluster");
        Assert.Equal("/?from=2019-03-01&to=2019-03-31", cluster.Attribute("href")!.Value);
        Assert.Equal("40", cluster.Element(ns + "text")!.Value);
        Assert.Equal("Mar 2019: 40 events (zoom in)", cluster.Element(ns + "title")!.Value);
        Assert.Equal(["2019", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
            svg.Descendants(ns + "text").Where(t => t.Attribute("class")!.Value.StartsWith("axis-label", StringComparison.Ordinal)).Select(t => t.Value));
        Assert.Equal("true", svg.Attribute("aria-hidden")!.Value);
    }

    [Fact]
    public void The_svg_grows_with_slices_not_with_events()
    {
        var few = TimeAxisSvg.Render(Sample(40), Slice);
        var many = TimeAxisSvg.Render(Sample(100_000), Slice);

        Assert.Equal(few.Length + ("100k".Length - "40".Length) + ("100,000".Length - "40".Length), many.Length);
        Assert.Contains(">100k</text>", many, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_view_is_one_shared_string()
    {
        using var svg = new TimeAxisSvg();

        var first = svg.Get(Sample(40), Slice).Value;
        var second = svg.Get(Sample(40), Slice).Value;
        var other = svg.Get(Sample(41), Slice).Value;

        Assert.Same(first, second);
        Assert.NotEqual(first, other);
    }

    private IRenderedComponent<TimeAxis> RenderAxis(TimeAxisData data, TimelineFilter filter, bool lanes = false) =>
        Render<TimeAxis>(ps => ps
            .Add(p => p.Data, data)
            .Add(p => p.Svg, new Microsoft.AspNetCore.Components.MarkupString(TimeAxisSvg.Render(data, Slice)))
            .Add(p => p.Filter, filter)
            .Add(p => p.Url, Url)
            .Add(p => p.LanesByType, lanes));

    [Fact]
    public void The_toolbar_zooms_and_pans_by_links_and_is_one_tab_stop()
    {
        var data = Sample(40);
        var cut = RenderAxis(data, new TimelineFilter { From = data.From, To = data.To });

        // 365 days: zooming in keeps the middle half, out doubles, panning moves by half.
        Assert.Equal("/?from=2019-04-02&to=2019-09-30", cut.Find("[data-testid=axis-zoom-in]").GetAttribute("href"));
        Assert.Equal("/?from=2018-07-02&to=2020-06-30", cut.Find("[data-testid=axis-zoom-out]").GetAttribute("href"));
        Assert.Equal("/?from=2018-07-03&to=2019-07-02", cut.Find("[data-testid=axis-pan-earlier]").GetAttribute("href"));
        Assert.Equal("/?from=2019-07-02&to=2020-06-30", cut.Find("[data-testid=axis-pan-later]").GetAttribute("href"));
        Assert.Equal("/?from=2019-01-01&to=2019-12-31&lanes=type", cut.Find("[data-testid=axis-lanes]").GetAttribute("href"));
        Assert.Equal(["0", "-1", "-1", "-1", "-1"], cut.FindAll("[role=toolbar] a").Select(a => a.GetAttribute("tabindex")));
        Assert.Equal("2019 · 43 events by month", cut.Find("[data-testid=time-axis-range]").TextContent);
    }

    [Fact]
    public void A_screen_reader_gets_a_summary_instead_of_the_drawing()
    {
        var cut = RenderAxis(Sample(40), new TimelineFilter());

        Assert.Equal("Time axis from Tue 1 Jan 2019 to Tue 31 Dec 2019: 43 events by month; the busiest month is Mar 2019 with 40. The same events are listed below.",
            cut.Find("[data-testid=time-axis-summary]").TextContent);
        Assert.Equal("true", cut.Find("svg").GetAttribute("aria-hidden"));
    }

    [Fact]
    public void Zooming_stops_at_a_week()
    {
        var scale = AxisScale.For(new DateOnly(2019, 3, 1), new DateOnly(2019, 3, 8));
        var data = new TimeAxisData(scale, 0, [], [], [], null);

        var cut = RenderAxis(data, new TimelineFilter());

        var href = cut.Find("[data-testid=axis-zoom-in]").GetAttribute("href")!;
        var dates = IsoDate().Matches(href).Select(m => DateOnly.Parse(m.Value)).ToList();
        Assert.Equal(AxisScale.MinDays - 1, dates[1].DayNumber - dates[0].DayNumber);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
