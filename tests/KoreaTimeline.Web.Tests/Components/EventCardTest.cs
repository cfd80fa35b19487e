using Bunit;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Shared;
using KoreaTimeline.Web.Tests.Infrastructure;

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
}
