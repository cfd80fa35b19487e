using System.Net;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Pages;

public sealed class EmptyTimelineTest(EmptyTimelineAppFactory app) : IClassFixture<EmptyTimelineAppFactory>
{
    [Fact]
    public async Task Empty_timeline_says_how_to_add_articles()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), Xunit.TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"empty-timeline\"", html, StringComparison.Ordinal);
        Assert.Contains(app.SeedsPath, html, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/KoreaTimeline.Cli -- import PATH", html, StringComparison.Ordinal);
    }
}
