using Bunit;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Shared;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace KoreaTimeline.Web.Tests.Components;

public sealed class EventCardTest : BunitTest
{
    private static readonly EventSummary Sample = new(
        42, "Sample missile test <launch>", "sample-missile-test", EventType.MissileTest,
        new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 2), DatePrecision.Day, "on Sunday", "Sample Sea",
        [new ActorSummary("north-korea", "North Korea", "country"), new ActorSummary("kim-jong-un", "Kim Jong-un", "person")]);

    [Fact]
    public void Title_is_a_plain_link_to_the_permalink()
    {
        var cut = Render<EventCard>(ps => ps.Add(p => p.Item, Sample));

        var link = cut.Find(".event-title a");
        Assert.Equal("/events/42/sample-missile-test", link.GetAttribute("href"));
        Assert.Equal("Sample missile test <launch>", link.TextContent);
    }

    [Fact]
    public void Shows_date_type_actors_and_location()
    {
        var cut = Render<EventCard>(ps => ps.Add(p => p.Item, Sample));

        Assert.Equal("Sun 2 Mar 2025", cut.Find("time").TextContent);
        Assert.Equal("Missile test", cut.Find("[data-event-type=missile_test]").TextContent.Trim());
        Assert.Equal("North Korea, Kim Jong-un", cut.Find(".event-actors").TextContent);
        Assert.Contains("Sample Sea", cut.Find(".event-location").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_out_actors_and_location_when_unknown()
    {
        var cut = Render<EventCard>(ps => ps.Add(p => p.Item, Sample with { Actors = [], Location = null }));

        Assert.Empty(cut.FindAll(".event-meta"));
    }

    [Theory]
    [InlineData(EventType.Summit, "Summit")]
    [InlineData(EventType.TroopDeployment, "Troop deployment")]
    [InlineData(EventType.Other, "Other")]
    public void Type_chip_shows_the_label(EventType type, string label)
    {
        var cut = Render<EventTypeChip>(ps => ps.Add(p => p.Type, type));

        Assert.Equal(label, cut.Find(".mud-chip").TextContent.Trim());
    }

    [Fact]
    public void A_card_is_plain_markup_without_components_of_its_own()
    {
        // A list of 50 cards used to be 450 components per open circuit; a card now adds elements only.
        var cut = Render<EventCard>(ps => ps.Add(p => p.Item, Sample).Add(p => p.TitleMarked, "Sample \u0002missile\u0003 test").Add(p => p.Snippet, "a \u0002missile\u0003"));

        Assert.Empty(cut.FindComponents<MudText>());
        Assert.Empty(cut.FindComponents<MudLink>());
        Assert.Empty(cut.FindComponents<MudChip<string>>());
        Assert.Empty(cut.FindComponents<DateDisplay>());
        Assert.Empty(cut.FindComponents<EventTypeChip>());
        Assert.Empty(cut.FindComponents<MarkedText>());
        // The same look: MudBlazor's own classes.
        Assert.Contains("mud-chip-color-error", cut.Find("[data-event-type=missile_test]").ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-link", cut.Find(".event-title a").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_of_cards_is_one_html_string_shared_by_every_circuit_that_shows_it()
    {
        Services.AddLogging();
        using var html = new EventCardHtml(Services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);
        TimelineItem[] page = [new(Sample), new(Sample with { Id = 43, Title = "Second <event>" }, Snippet: "x \u0002y\u0003")];

        var first = await html.RenderAsync(page);
        var again = await html.RenderAsync([new(Sample), new(Sample with { Id = 43, Title = "Second <event>" }, Snippet: "x \u0002y\u0003")]);
        var changed = await html.RenderAsync([new(Sample with { Title = "Renamed" }), page[1]]);

        Assert.Same(first.Value, again.Value);
        Assert.NotSame(first.Value, changed.Value);
        Assert.Contains("Renamed", changed.Value, StringComparison.Ordinal);
        // The cards' own markup, encoded as Razor encodes it.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(first.Value, "class=\"event-card\""));
        Assert.Contains("Second &lt;event&gt;", first.Value, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"search-match\">y</mark>", first.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<event>", first.Value, StringComparison.Ordinal);
    }
}
