using System.Net;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Editing;
using KoreaTimeline.Tests.Shared;
using KoreaTimeline.Web.Tests.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>
/// The permalink page's HTML from the output cache (PermalinkCache): a reader's second request is the first one's bytes
/// (the same component markers, an <c>Age</c> header), a change committed elsewhere shows at the next request, and a
/// signed-in editor never gets, nor leaves, a cached page. A new app per test: the tests change the data.
/// </summary>
public class PermalinkCacheTest : IAsyncLifetime
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private readonly DatabaseProvider provider;
    private EditorsAppFactory app = null!;

    public PermalinkCacheTest() : this(DatabaseProvider.Sqlite)
    {
    }

    protected PermalinkCacheTest(DatabaseProvider provider) => this.provider = provider;

    public async ValueTask InitializeAsync()
    {
        app = new EditorsAppFactory { Provider = provider };
        await app.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private string Permalink => $"/events/{app.Sample!.DayEvent.Id}/{app.Sample.DayEvent.Slug}";

    private static async Task<(string Html, bool FromCache)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(Cancellation), response.Headers.Age is not null);
    }

    [Fact]
    public async Task A_readers_second_request_is_served_from_the_cache()
    {
        using var reader = app.CreateClient();
        var (first, firstCached) = await GetAsync(reader, Permalink);
        var (second, secondCached) = await GetAsync(reader, Permalink);

        Assert.False(firstCached);
        Assert.True(secondCached, "the second request carries the cache's Age header");
        // Rendered afresh, the component markers would differ (each response encrypts its own descriptors).
        Assert.Contains("<!--Blazor:{", first, StringComparison.Ordinal);
        Assert.Equal(first, second);

        // Another reader (no cookies at all) gets the same entry; a reader with the dark theme gets a page of their own.
        using var other = app.CreateClient();
        Assert.Equal(first, (await GetAsync(other, Permalink)).Html);
        using var dark = new HttpRequestMessage(HttpMethod.Get, Permalink);
        dark.Headers.Add("Cookie", "theme=dark");
        using var darkResponse = await other.SendAsync(dark, Cancellation);
        Assert.Contains("<meta name=\"color-scheme\" content=\"dark\"", await darkResponse.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.DoesNotContain("content=\"dark\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_readers_page_holds_no_antiforgery_token_to_share()
    {
        // Over HTTP in Development the antiforgery cookie may be set (SecurePolicy SameAsRequest), as over HTTPS in
        // production: Blazor would mint a token for the first reader, set their cookie and persist the token in the page.
        using var reader = app.CreateClient();
        using var response = await reader.GetAsync(Permalink, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "a reader's permalink sets no cookie: " + string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.True((await GetAsync(reader, Permalink)).FromCache, "so the first reader's page is stored");

        // Other pages still give readers their token (the suggestion form posts with it).
        using var form = await reader.GetAsync($"/suggest/{app.Sample!.DayEvent.Id}", Cancellation);
        Assert.Contains("__RequestVerificationToken", await form.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_committed_elsewhere_shows_at_the_next_request()
    {
        using var reader = app.CreateClient();
        var (before, _) = await GetAsync(reader, Permalink);
        Assert.True((await GetAsync(reader, Permalink)).FromCache);
        Assert.Contains("Sample carrier group arrives in port", before, StringComparison.Ordinal);

        // As an import by the CLI (another process) or another node would: a connection of its own, not the app's
        // importer, so the app learns of it only from the database (data_version; LISTEN/NOTIFY on PostgreSQL).
        var builder = new DbContextOptionsBuilder<TimelineDbContext>();
        builder.UseTimelineDatabase(provider, app.ConnectionString);
        await using (var db = new TimelineDbContext(builder.Options))
        {
            var id = app.Sample!.DayEvent.Id;
            await WhenNotifiedAsync(() => db.Events.Where(e => e.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Title, "Sample carrier group leaves port"), Cancellation));
        }

        var (after, fromCache) = await GetAsync(reader, Permalink);
        Assert.False(fromCache);
        Assert.Contains("Sample carrier group leaves port", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editors_note_shows_at_the_next_request()
    {
        using var reader = app.CreateClient();
        await GetAsync(reader, Permalink);
        Assert.True((await GetAsync(reader, Permalink)).FromCache);

        var editor = app.Services.GetRequiredService<EventEditor>();
        await WhenNotifiedAsync(async () => Assert.True((await editor.SetNoteAsync(app.Sample!.DayEvent.Id, "Checked against the port's own notice.",
            new EditorIdentity("user-n", "Note Editor"), Cancellation)).Succeeded));

        var (after, fromCache) = await GetAsync(reader, Permalink);
        Assert.False(fromCache);
        Assert.Contains("Checked against the port", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_editors_never_get_nor_leave_a_cached_page()
    {
        using var reader = app.CreateClient();
        var (readerPage, _) = await GetAsync(reader, Permalink);
        Assert.True((await GetAsync(reader, Permalink)).FromCache);
        Assert.DoesNotContain("data-testid=\"correct-event\"", readerPage, StringComparison.Ordinal);

        using var editor = await app.SignedInAsync(EditorsAppFactory.EditorEmail);
        var (first, firstCached) = await GetAsync(editor, Permalink);
        var (second, secondCached) = await GetAsync(editor, Permalink);
        Assert.False(firstCached || secondCached, "an editor's page is never served from the cache");
        Assert.Contains("data-testid=\"correct-event\"", first, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signed-in\"", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);

        // Nor is an editor's page (with its antiforgery token) stored for readers.
        var (after, _) = await GetAsync(reader, Permalink);
        Assert.Equal(readerPage, after);
        Assert.DoesNotContain("__RequestVerificationToken", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_event_is_never_cached()
    {
        using var reader = app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var response = await reader.GetAsync("/events/987654/none", Cancellation);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Headers.Age);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/>; on PostgreSQL waits until this node heard of the commit (NOTIFY arrives at commit,
    /// a few milliseconds later; a request in between may still get the cached page). SQLite sees it at once.
    /// </summary>
    private async Task WhenNotifiedAsync(Func<Task> write)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var changes = app.Services.GetRequiredService<TimelineChanges>();
        void Heard() => heard.TrySetResult();
        changes.Changed += Heard;
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await ListeningAsync();
            }
            await write();
            if (provider == DatabaseProvider.Postgres)
            {
                await heard.Task.WaitAsync(TimeSpan.FromSeconds(15), Cancellation);
            }
        }
        finally
        {
            changes.Changed -= Heard;
        }
    }

    /// <summary>Waits until the app's change listener has said LISTEN (it starts with the host, asynchronously).</summary>
    private async Task ListeningAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Cancellation);
        for (var attempt = 0; attempt < 150; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'", connection);
            if ((int)(await command.ExecuteScalarAsync(Cancellation))! > 0)
            {
                return;
            }
            await Task.Delay(100, Cancellation);
        }
        Assert.Fail("The app never listened for changes.");
    }
}

/// <summary>The same on PostgreSQL, where other nodes' commits arrive by LISTEN/NOTIFY.</summary>
public sealed class PermalinkCacheTestPostgres : PermalinkCacheTest
{
    public PermalinkCacheTestPostgres() : base(DatabaseProvider.Postgres) => PostgresServer.SkipUnlessInstalled();
}
