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

    [Theory]
    [InlineData("2019", "2019-06", "2019-01-01", "2019-06-30", "/?from=2019&to=2019-06")]
    [InlineData("2019-06", "2020", "2019-06-01", "2020-12-31", "/?from=2019-06&to=2020")]
    [InlineData("2020-2", "2020/2", "2020-02-01", "2020-02-29", "/?from=2020-02&to=2020-02")]
    [InlineData("2019-06-15", "2019-06-30", "2019-06-15", "2019-06-30", "/?from=2019-06-15&to=2019-06-30")]
    [InlineData("2019.6.5", null, "2019-06-05", null, "/?from=2019-06-05")]
    public void Partial_dates_are_their_first_and_last_days_and_written_back_as_typed(string from, string? to, string first, string? last, string url)
    {
        var filter = TimelineUrl.Parse(null, null, null, from, to, null);
        var dates = TimelineUrl.ParseDates(from, to);

        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), filter.From);
        Assert.Equal(last is null ? null : DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), filter.To);
        Assert.Empty(dates.Errors);
        Assert.Equal((filter.From, filter.To), (dates.From, dates.To));
        Assert.Equal(url, TimelineUrl.ToUrl(filter, dates.Forms));
        // Without the forms (the axis, the exports) the dates are whole days.
        Assert.DoesNotMatch(@"(from|to)=\d{4}(-\d{2})?(&|$)", TimelineUrl.ToUrl(filter));
    }

    [Fact]
    public void A_short_form_gives_way_to_the_day_once_the_date_is_no_longer_its_first_or_last_day()
    {
        var forms = new DateForms(DateForm.Year, DateForm.Month);
        var filter = new TimelineFilter { From = new DateOnly(2019, 3, 1), To = new DateOnly(2019, 6, 15) };

        Assert.Equal("/?from=2019-03-01&to=2019-06-15", TimelineUrl.ToUrl(filter, forms));
        Assert.Equal("/?from=2019&to=2019-06", TimelineUrl.ToUrl(filter with { From = new DateOnly(2019, 1, 1), To = new DateOnly(2019, 6, 30) }, forms));
    }

    [Theory]
    [InlineData("2019-13", null, "from", "2019-13")]
    [InlineData(null, "soon", "to", "soon")]
    [InlineData("2019-02-30", "2019", "from", "2019-02-30")]
    [InlineData("19", null, "from", "19")]
    [InlineData("\u0000<b>2019</b>", null, "from", "<b>2019</b>")]
    public void A_date_that_cannot_be_read_is_left_out_with_a_message_naming_the_parameter(string? from, string? to, string name, string shown)
    {
        var dates = TimelineUrl.ParseDates(from, to);

        var error = Assert.Single(dates.Errors);
        Assert.StartsWith($"The link\u2019s {name}, \u201C{shown}\u201D, is not a date, so it is left out", error, StringComparison.Ordinal);
        Assert.Null(name == "from" ? dates.From : dates.To);
    }

    [Fact]
    public void From_after_to_in_the_url_leaves_both_out_and_says_so()
    {
        var dates = TimelineUrl.ParseDates("2020", "2019-06");

        Assert.Equal((null, null), (dates.From, dates.To));
        Assert.Equal("The link\u2019s from (\u201C2020\u201D) is after its to (\u201C2019-06\u201D), so both are left out: swap them or change one.", Assert.Single(dates.Errors));
        Assert.Null(TimelineUrl.Parse(null, null, null, "2020", "2019-06", null).From);
    }

    [Fact]
    public void A_long_bad_value_is_cut_in_the_message()
    {
        var error = Assert.Single(TimelineUrl.ParseDates(new string('9', 5000), null).Errors);

        Assert.Contains($"\u201C{new string('9', 20)}\u2026\u201D", error, StringComparison.Ordinal);
        Assert.True(error.Length < 200);
    }
}
