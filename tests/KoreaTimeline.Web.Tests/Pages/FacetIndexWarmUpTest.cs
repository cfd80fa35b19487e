using KoreaTimeline.Data.Queries;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>
/// The facet index loads as the host starts (FacetIndexWarmUp), before any request asks for it: at a million events the
/// first page would otherwise wait seconds for it after the server is already listening.
/// </summary>
public sealed class FacetIndexWarmUpTest(TimelineAppFactory app) : IClassFixture<TimelineAppFactory>
{
    [Fact]
    public async Task The_index_is_loaded_without_a_request()
    {
        var queries = app.Services.GetRequiredService<TimelineQueries>();
        for (var attempt = 0; attempt < 100 && queries.FacetIndexVersion is null; attempt++)
        {
            await Task.Delay(100, Xunit.TestContext.Current.CancellationToken);
        }
        Assert.NotNull(queries.FacetIndexVersion);

        // The page finds the sample in it (the index read at start saw the migrated, then seeded, data or reloads).
        var page = await queries.GetPageAsync(new TimelineFilter(), Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(app.Sample!.Events.Count, page.Total);
    }
}
