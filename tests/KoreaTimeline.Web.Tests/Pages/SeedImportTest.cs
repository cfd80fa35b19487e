using System.Net;
using KoreaTimeline.Data;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>The app started on the repository's seeds folder: it imports the seeds and shows their events.</summary>
public sealed class SeedImportTest(SeededAppFactory app) : IClassFixture<SeededAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancellation)));
    }

    private async Task<List<Data.Entities.Event>> StoredEventsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(Cancellation);
        return await db.Events.AsNoTracking().Include(e => e.Evidence).ToListAsync(Cancellation);
    }

    [Fact]
    public async Task Startup_imports_every_seed_article_once()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(Cancellation);

        var seeds = Directory.EnumerateFiles(RepositoryPaths.Seeds, "*.txt").Select(f => Path.GetFileName(f)).Order().ToList();
        var articles = await db.Articles.Select(a => a.Source).OrderBy(s => s).ToListAsync(Cancellation);
        Assert.Equal(seeds, articles);
        Assert.True(await db.Events.CountAsync(Cancellation) >= seeds.Count, "every seed article states at least one dated event");
    }

    [Fact]
    public async Task Timeline_shows_every_imported_event_with_its_permalink()
    {
        var events = await StoredEventsAsync();
        var (status, html) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            Assert.Contains(e.Title, html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/events/{e.Id}/{e.Slug}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_permalink_shows_its_event_and_quotes()
    {
        foreach (var e in await StoredEventsAsync())
        {
            var (status, html) = await GetAsync($"/events/{e.Id}/{e.Slug}");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(e.Title, html, StringComparison.Ordinal);
            Assert.All(e.Evidence, v => Assert.Contains(v.Text, html, StringComparison.Ordinal));
            Assert.Contains($"href=\"/articles/{e.Evidence[0].ArticleId}\"", html, StringComparison.Ordinal);
        }
    }
}
