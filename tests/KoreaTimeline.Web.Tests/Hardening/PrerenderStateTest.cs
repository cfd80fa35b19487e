using System.Text.RegularExpressions;
using KoreaTimeline.Web.Extensions;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>
/// What a prerendered page hands to its circuit. The browser sends the persisted component state back in the hub's
/// first message; over the hub's message limit the circuit closes before it starts and the page never becomes
/// interactive. At real size (512 events) every page's state must stay far below the limit.
/// </summary>
public sealed partial class PrerenderStateTest(LargeTimelineAppFactory app) : IClassFixture<LargeTimelineAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/?sort=date-asc")]
    [InlineData("/?q=china")]
    [InlineData("/actors/china")]
    [InlineData("/actors/north-korea")]
    [InlineData("/event")]
    [InlineData("/article")]
    public async Task Prerendered_pages_persist_far_less_than_the_hub_message_limit(string path)
    {
        var e = app.Events[0];
        path = path switch
        {
            "/event" => $"/events/{e.Id}/{e.Slug}",
            "/article" => $"/articles/{e.Evidence[0].ArticleId}",
            _ => path,
        };
        using var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative), Xunit.TestContext.Current.CancellationToken);

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        var state = PersistedState().Matches(html).Sum(m => m.Groups[1].Length);
        Assert.True(state < TimelineWebExtensions.MaxHubMessageBytes / 8, $"{path} persists {state} bytes of state for the circuit");
        // Each component marker also travels in that first message.
        var markers = ComponentMarker().Matches(html).Sum(m => m.Length);
        Assert.True(markers < TimelineWebExtensions.MaxHubMessageBytes / 4, $"{path} has {markers} bytes of component markers");
    }

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex PersistedState();

    [GeneratedRegex("<!--Blazor:\\{.*?\\}-->", RegexOptions.Singleline)]
    private static partial Regex ComponentMarker();
}
