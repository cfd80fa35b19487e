using System.Net;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Data.Import;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>
/// An article re-imported with another text replaces its event; the old id answers a real 301 to the new permalink
/// (page and API), a chain of aliases answers one 301 to the live event, and an unknown id stays 404.
/// </summary>
public sealed class PermalinkRedirectTest(PermalinkRedirectTest.ReplacedEventApp app) : IClassFixture<PermalinkRedirectTest.ReplacedEventApp>
{
    /// <summary>Imports an invented article, then another text of it, and adds a chain of two aliases by hand.</summary>
    public sealed class ReplacedEventApp : TimelineAppFactory
    {
        public const int ChainStart = 900_001;
        public const int ChainMiddle = 900_002;

        protected override bool SeedSample => false;

        public int OldId { get; private set; }

        public int NewId { get; private set; }

        public string NewSlug { get; private set; } = "";

        protected override async Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts)
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(DatabasePath)!, "articles")).FullName;
            var path = Path.Combine(folder, "launch.txt");
            File.WriteAllText(ArticleFileReader.SidecarPath(path), """{"published": "2025-03-12"}""");
            var importer = Services.GetRequiredService<ArticleImporter>();
            File.WriteAllText(path, "North Korea fired a ballistic missile into the sea on Tuesday.");
            await importer.ImportFileAsync(path, "launch.txt");
            await using (var db = await contexts.CreateDbContextAsync())
            {
                OldId = await db.Events.Select(e => e.Id).SingleAsync();
            }
            File.WriteAllText(path, "North Korea test-fired a ballistic missile from its west coast on Jan. 5, officials in Seoul said.");
            await importer.ImportFileAsync(path, "launch.txt");
            await using (var db = await contexts.CreateDbContextAsync())
            {
                var replacement = await db.Events.SingleAsync();
                (NewId, NewSlug) = (replacement.Id, replacement.Slug);
                // Written before chains were shortened on write: start -> middle -> live event.
                db.EventAliases.AddRange(
                    new EventAlias { OldId = ChainStart, EventId = ChainMiddle, CreatedAt = DateTimeOffset.UtcNow },
                    new EventAlias { OldId = ChainMiddle, EventId = NewId, CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
        }
    }

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
    }

    [Fact]
    public async Task The_import_replaced_the_event_under_a_new_id()
    {
        Assert.NotEqual(app.OldId, app.NewId);
        Assert.NotEqual("", app.NewSlug);
        using var live = await GetAsync($"/events/{app.NewId}/{app.NewSlug}");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory]
    [InlineData("/events/{0}/fired-a-ballistic-missile")]
    [InlineData("/events/{0}")]
    [InlineData("/events/{0}/")]
    public async Task The_old_permalink_answers_301_to_the_new_one(string pattern)
    {
        using var response = await GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, app.OldId));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/events/{app.NewId}/{app.NewSlug}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_old_api_url_answers_301_to_the_new_one()
    {
        using var response = await GetAsync($"/api/events/{app.OldId}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/api/events/{app.NewId}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_chain_of_two_aliases_answers_one_301_to_the_live_event()
    {
        using var page = await GetAsync($"/events/{ReplacedEventApp.ChainStart}/old-title");
        using var api = await GetAsync($"/api/events/{ReplacedEventApp.ChainStart}");

        Assert.Equal(HttpStatusCode.MovedPermanently, page.StatusCode);
        Assert.Equal($"/events/{app.NewId}/{app.NewSlug}", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, api.StatusCode);
        Assert.Equal($"/api/events/{app.NewId}", api.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/events/999999/x")]
    [InlineData("/api/events/999999")]
    public async Task An_unknown_id_stays_404(string path)
    {
        using var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
