using Bunit;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Timeline;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Components;

public sealed class TimelineFiltersTest : BunitTest
{
    private static readonly TimelineFacets Facets = new(
        [new ActorCount("north-korea", "North Korea", "country", 7), new ActorCount("kim-jong-un", "Kim Jong-un", "person", 5), new ActorCount("japan", "Japan", "country", 0)],
        [new TypeCount(EventType.MissileTest, 4), new TypeCount(EventType.Summit, 2)],
        [new YearCount(2017, 3), new YearCount(2019, 6)]);

    private TimelineFilter? changed;
    private DateForms? formsChanged;

    private IRenderedComponent<TimelineFilters> RenderPanel(TimelineFilter filter, DateForms forms = default) =>
        Render<TimelineFilters>(ps => ps
            .Add(p => p.Filter, filter)
            .Add(p => p.DateForms, forms)
            .Add(p => p.Facets, Facets)
            .Add(p => p.DateFormsChanged, f => formsChanged = f)
            .Add(p => p.FilterChanged, f => changed = f));

    [Fact]
    public void Shows_each_type_and_actor_with_its_count()
    {
        var cut = RenderPanel(new TimelineFilter());

        Assert.Equal("Missile test 4", cut.Find("[data-type=missile_test]").TextContent.Trim());
        Assert.Equal("Summit 2", cut.Find("[data-type=summit]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-type=exercise]"));
        Assert.Equal("North Korea 7", cut.Find("[data-actor=north-korea]").TextContent.Trim());
        Assert.Equal("true", cut.Find("[data-actor=japan]").GetAttribute("aria-disabled"));
    }

    [Fact]
    public void Clicking_a_type_adds_it_and_clicking_a_chosen_one_removes_it()
    {
        var cut = RenderPanel(new TimelineFilter { Types = [EventType.Summit] });
        Assert.Equal("true", cut.Find("[data-type=summit]").GetAttribute("aria-pressed"));

        cut.Find("[data-type=missile_test]").Click();
        Assert.Equal([EventType.MissileTest, EventType.Summit], changed!.Types);

        cut.Find("[data-type=summit]").Click();
        Assert.Empty(changed!.Types);
    }

    [Fact]
    public void Clicking_actors_adds_them_to_the_and_selection()
    {
        var cut = RenderPanel(new TimelineFilter { Actors = ["north-korea"] });

        cut.Find("[data-actor=kim-jong-un]").Click();

        Assert.Equal(["north-korea", "kim-jong-un"], changed!.Actors);
    }

    [Fact]
    public void Each_active_filter_clears_in_one_click_and_clear_all_resets_everything()
    {
        var filter = new TimelineFilter
        {
            Query = "missile",
            Actors = ["north-korea"],
            Types = [EventType.MissileTest],
            From = new DateOnly(2017, 1, 1),
            To = new DateOnly(2019, 12, 31),
            Sort = TimelineSort.Relevance,
        };
        var cut = RenderPanel(filter);

        var chips = cut.FindAll("[data-testid=active-filters] .mud-chip");
        Assert.Equal(["Search: missile", "North Korea", "Missile test", "2017-01-01 to 2019-12-31"], chips.Select(c => c.TextContent.Trim()));

        cut.FindAll("[data-testid=active-filters] .mud-chip-close-button")[1].Click();
        Assert.Equal(filter with { Actors = [] }, changed! with { Actors = [] });
        Assert.Empty(changed!.Actors);

        cut.Find("[data-testid=clear-all]").Click();
        Assert.True(changed!.IsEmpty);
    }

    [Fact]
    public void Without_filters_there_is_nothing_to_clear()
    {
        var cut = RenderPanel(new TimelineFilter());

        Assert.Empty(cut.FindAll("[data-testid=active-filters]"));
    }

    [Fact]
    public void Typing_a_search_asks_for_relevance_order()
    {
        var cut = RenderPanel(new TimelineFilter());

        cut.Find("input[data-testid=search]").Input("  kim\u0000 jong  ");

        cut.WaitForAssertion(() => Assert.Equal("kim jong", changed?.Query), TimeSpan.FromSeconds(5));
        Assert.Equal(TimelineSort.Relevance, changed!.Sort);
    }

    [Fact]
    public async Task Brushing_the_histogram_sets_whole_years()
    {
        var cut = RenderPanel(new TimelineFilter());

        // The browser's pointer events reach these through app.js (checked in Chromium by LargeTimelineBrowserTest).
        var histogram = cut.FindComponent<KoreaTimeline.Web.Components.Timeline.YearHistogram>();
        Assert.NotNull(cut.Find("[data-year='2017']"));
        await histogram.InvokeAsync(() => histogram.Instance.Down(2017));
        await histogram.InvokeAsync(() => histogram.Instance.Enter(2018));
        Assert.Contains("selected", cut.Find("[data-year='2018']").ClassName, StringComparison.Ordinal);
        await histogram.InvokeAsync(() => histogram.Instance.Up(2019, false));

        Assert.Equal(new DateOnly(2017, 1, 1), changed!.From);
        Assert.Equal(new DateOnly(2019, 12, 31), changed!.To);
    }

    [Fact]
    public void Facets_order_and_dates_cost_no_component_each()
    {
        var cut = RenderPanel(new TimelineFilter());

        // Each MudChip, MudSelect or MudDatePicker is kept by every open circuit; these are plain buttons and native fields.
        Assert.Empty(cut.FindComponents<MudBlazor.MudChip<string>>());
        Assert.Empty(cut.FindComponents<MudBlazor.MudSelect<TimelineSort>>());
        Assert.Empty(cut.FindComponents<MudBlazor.MudDatePicker>());
        Assert.Equal("BUTTON", cut.Find("[data-actor=north-korea]").TagName);
        Assert.Equal("INPUT", cut.Find("[data-testid=from]").TagName);
    }

    [Fact]
    public void The_order_field_changes_the_sort()
    {
        var cut = RenderPanel(new TimelineFilter());

        cut.Find("[data-testid=sort]").Change(nameof(TimelineSort.Oldest));

        Assert.Equal(TimelineSort.Oldest, changed!.Sort);
        Assert.NotNull(cut.Find("[data-testid=sort] option[value=Relevance]").GetAttribute("disabled"));
    }

    [Fact]
    public void The_date_fields_set_and_clear_the_range()
    {
        var cut = RenderPanel(new TimelineFilter { To = new DateOnly(2019, 12, 31) });
        Assert.Equal("2019-12-31", cut.Find("[data-testid=to]").GetAttribute("value"));

        cut.Find("[data-testid=from]").Change("2017-03-01");
        Assert.Equal(new DateOnly(2017, 3, 1), changed!.From);
        Assert.Equal(new DateOnly(2019, 12, 31), changed!.To);

        cut.Find("[data-testid=to]").Change("");
        Assert.Null(changed!.To);
    }

    [Fact]
    public void The_date_fields_say_they_take_a_year_a_month_or_a_day()
    {
        var cut = RenderPanel(new TimelineFilter());

        Assert.Equal("YYYY[-MM[-DD]]", cut.Find("[data-testid=from]").GetAttribute("placeholder"));
        Assert.Equal("YYYY[-MM[-DD]]", cut.Find("[data-testid=to]").GetAttribute("placeholder"));
        Assert.Equal("YYYY, YYYY-MM or YYYY-MM-DD: a year (2019), a month (2019-06) or a day (2019-06-15)",
            cut.Find("[data-testid=date-help]").TextContent);
    }

    [Theory]
    [InlineData("from", "2019", "2019-01-01")]
    [InlineData("to", "2019", "2019-12-31")]
    [InlineData("from", "2019-06", "2019-06-01")]
    [InlineData("to", "2019-06", "2019-06-30")]
    [InlineData("to", "2020-2", "2020-02-29")]
    [InlineData("from", " 2019/6/5 ", "2019-06-05")]
    [InlineData("to", "2019-06-15", "2019-06-15")]
    public void A_date_field_takes_a_year_a_month_or_a_day(string field, string typed, string expected)
    {
        var cut = RenderPanel(new TimelineFilter());

        cut.Find($"[data-testid={field}]").Change(typed);

        var date = DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(date, field == "from" ? changed!.From : changed!.To);
    }

    [Theory]
    [InlineData("from", "From", "june")]
    [InlineData("to", "To", "2019-13")]
    [InlineData("from", "From", "2019-02-30")]
    [InlineData("to", "To", "19")]
    [InlineData("from", "From", "٢٠١٩")]
    public void A_date_that_cannot_be_read_says_so_naming_the_field_and_changes_nothing(string field, string label, string typed)
    {
        var cut = RenderPanel(new TimelineFilter { From = new DateOnly(2018, 1, 1) });

        cut.Find($"[data-testid={field}]").Change(typed);

        Assert.Null(changed);
        var help = cut.Find("[data-testid=date-help]");
        Assert.StartsWith($"{label}: \u201C{typed}\u201D is not a date", help.TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-input-error", help.ClassName, StringComparison.Ordinal);
        var input = cut.Find($"[data-testid={field}]");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("timeline-dates-help", input.GetAttribute("aria-describedby"));
        Assert.Equal(typed, input.GetAttribute("value"));

        // Corrected, the field applies and the error goes.
        cut.Find($"[data-testid={field}]").Change("2019");
        Assert.NotNull(changed);
        Assert.Equal("false", cut.Find($"[data-testid={field}]").GetAttribute("aria-invalid"));
        Assert.DoesNotContain("mud-input-error", cut.Find("[data-testid=date-help]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void From_after_to_is_refused_with_both_dates_named()
    {
        var cut = RenderPanel(new TimelineFilter { To = new DateOnly(2019, 12, 31) });

        cut.Find("[data-testid=from]").Change("2020");

        Assert.Null(changed);
        Assert.Contains("From (2020-01-01) is after To (2019-12-31)", cut.Find("[data-testid=date-help]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from", "2019", DateForm.Year)]
    [InlineData("from", "2019-06", DateForm.Month)]
    [InlineData("to", "2019-6", DateForm.Month)]
    [InlineData("to", "2019", DateForm.Year)]
    public void A_typed_year_or_month_reports_its_form_so_the_url_keeps_it(string field, string typed, DateForm form)
    {
        var cut = RenderPanel(new TimelineFilter());

        cut.Find($"[data-testid={field}]").Change(typed);

        Assert.NotNull(changed);
        Assert.Equal(field == "from" ? new DateForms(form, DateForm.Day) : new DateForms(DateForm.Day, form), formsChanged);
    }

    [Fact]
    public void The_fields_show_the_dates_in_the_form_of_the_url()
    {
        var cut = RenderPanel(new TimelineFilter { From = new DateOnly(2019, 1, 1), To = new DateOnly(2019, 6, 30) }, new DateForms(DateForm.Year, DateForm.Month));

        Assert.Equal("2019", cut.Find("[data-testid=from]").GetAttribute("value"));
        Assert.Equal("2019-06", cut.Find("[data-testid=to]").GetAttribute("value"));

        // The same day typed in full is a new URL (from=2019-01-01), though not a new view.
        cut.Find("[data-testid=from]").Change("2019-01-01");
        Assert.Equal(new DateForms(DateForm.Day, DateForm.Month), formsChanged);
        Assert.Equal(new DateOnly(2019, 1, 1), changed!.From);
    }

    [Fact]
    public async Task Brushing_years_writes_whole_days()
    {
        var cut = RenderPanel(new TimelineFilter { From = new DateOnly(2019, 1, 1) }, new DateForms(DateForm.Year, DateForm.Day));

        var histogram = cut.FindComponent<YearHistogram>().Instance;
        await cut.InvokeAsync(() => histogram.RangeChanged.InvokeAsync((2017, 2019)));

        Assert.Equal(default(DateForms), formsChanged);
        Assert.Equal((new DateOnly(2017, 1, 1), new DateOnly(2019, 12, 31)), (changed!.From, changed.To));
    }
}
