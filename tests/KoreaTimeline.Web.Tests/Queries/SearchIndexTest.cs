using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Data.Import;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Tests.Shared;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Queries;

/// <summary>The search index (FTS5, or PostgreSQL's tsvector) follows inserts, updates, deletes and re-imports through its triggers.</summary>
public class SearchIndexTest
{
    /// <summary>The database the tests run on; <see cref="SearchIndexPostgresTest"/> runs them again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private static async Task<List<string>> SearchAsync(TimelineAppFactory app, string query) =>
        (await app.Services.GetRequiredService<TimelineQueries>().GetPageAsync(new TimelineFilter { Query = query, Take = 200 }, Cancellation))
            .Items.Select(i => i.Event.Title).ToList();

    [Fact]
    public async Task Index_follows_changes_made_through_ef()
    {
        await using var app = new InventedTimelineAppFactory { Provider = Provider };
        await app.InitializeAsync();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
        var target = app.Events[4];

        await using (var db = await contexts.CreateDbContextAsync(Cancellation))
        {
            var e = await db.Events.Include(x => x.Evidence).Include(x => x.Actors).ThenInclude(a => a.Actor).SingleAsync(x => x.Id == target.Id, Cancellation);
            e.Title = "Renamed tremor event";
            e.Location = "Zorbistan";
            db.Evidence.RemoveRange(e.Evidence);
            db.EventActors.RemoveRange(e.Actors.Where(a => a.Actor.Slug == "kim-jong-un"));
            await db.SaveChangesAsync(Cancellation);
        }
        Assert.Equal(["Renamed tremor event"], await SearchAsync(app, "renamed"));
        Assert.Equal(["Renamed tremor event"], await SearchAsync(app, "zorbistan"));
        Assert.Empty(await SearchAsync(app, "seismographs"));
        Assert.Empty(await SearchAsync(app, "renamed kim"));

        await using (var db = await contexts.CreateDbContextAsync(Cancellation))
        {
            var japan = await db.Actors.SingleAsync(a => a.Slug == "japan", Cancellation);
            japan.Name = "Nippon";
            await db.SaveChangesAsync(Cancellation);
        }
        Assert.Equal(["Carrier group sent to the region"], await SearchAsync(app, "nippon"));

        await using (var db = await contexts.CreateDbContextAsync(Cancellation))
        {
            await db.Events.Where(x => x.Id == target.Id).ExecuteDeleteAsync(Cancellation);
        }
        Assert.Empty(await SearchAsync(app, "renamed"));
        await using (var db = await contexts.CreateDbContextAsync(Cancellation))
        {
            var indexed = await db.Database.SqlQuery<int>($"SELECT CAST(count(*) AS integer) AS \"Value\" FROM \"EventSearch\"").SingleAsync(Cancellation);
            Assert.Equal(await db.Events.CountAsync(Cancellation), indexed);
        }
    }

    [Fact]
    public async Task Index_follows_a_re_import_of_a_changed_article()
    {
        await using var app = new EmptyTimelineAppFactory { Provider = Provider };
        await app.InitializeAsync();
        var importer = app.Services.GetRequiredService<ArticleImporter>();
        // Outside the seeds folder: the app's watcher would import it too, racing this test's own imports.
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(app.SeedsPath)!, "elsewhere")).FullName;
        var file = Path.Combine(folder, "invented.txt");

        await File.WriteAllTextAsync(file,
            "SEOUL, March 3, 2025 - North Korea fired a ballistic missile into the sea near Wonsan on Sunday, the military said.\n",
            Cancellation);
        var first = await importer.ImportFileAsync(file, "invented.txt", Cancellation);
        Assert.Equal(ImportStatus.New, first.Status);
        Assert.True(first.Events > 0, "the invented article states an event");
        Assert.NotEmpty(await SearchAsync(app, "wonsan"));

        await File.WriteAllTextAsync(file,
            "SEOUL, March 3, 2025 - North Korea fired a ballistic missile into the sea near Hamhung on Sunday, the military said.\n",
            Cancellation);
        var second = await importer.ImportFileAsync(file, "invented.txt", Cancellation);
        Assert.Equal(ImportStatus.Changed, second.Status);

        Assert.Empty(await SearchAsync(app, "wonsan"));
        Assert.NotEmpty(await SearchAsync(app, "hamhung"));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(Cancellation);
        var indexed = await db.Database.SqlQuery<int>($"SELECT CAST(count(*) AS integer) AS \"Value\" FROM \"EventSearch\"").SingleAsync(Cancellation);
        Assert.Equal(await db.Events.CountAsync(Cancellation), indexed);
    }

    [Fact]
    public async Task Counts_follow_new_events_without_a_notification()
    {
        await using var app = new InventedTimelineAppFactory { Provider = Provider };
        await app.InitializeAsync();
        var queries = app.Services.GetRequiredService<TimelineQueries>();
        var before = await queries.GetFacetsAsync(new TimelineFilter(), cancellationToken: Cancellation);

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(Cancellation))
        {
            var japan = await db.Actors.SingleAsync(a => a.Slug == "japan", Cancellation);
            db.Events.Add(new Event
            {
                Title = "Invented late addition",
                Slug = "invented-late-addition",
                Type = Extraction.Pipeline.EventType.Summit,
                Start = new DateOnly(1999, 1, 1),
                End = new DateOnly(1999, 1, 1),
                Precision = Extraction.Pipeline.DatePrecision.Day,
                Actors = [new EventActor { Actor = japan }],
            });
            await db.SaveChangesAsync(Cancellation);
        }
        var after = await queries.GetFacetsAsync(new TimelineFilter(), cancellationToken: Cancellation);

        Assert.Equal(before.Types.Single(t => t.Type == Extraction.Pipeline.EventType.Summit).Count + 1,
            after.Types.Single(t => t.Type == Extraction.Pipeline.EventType.Summit).Count);
        Assert.Contains(new YearCount(1999, 1), after.Years);
        Assert.Equal(before.Actors.Single(a => a.Slug == "japan").Count + 1, after.Actors.Single(a => a.Slug == "japan").Count);
    }
}

/// <summary>The tests of <see cref="SearchIndexTest"/> on PostgreSQL.</summary>
public sealed class SearchIndexPostgresTest : SearchIndexTest
{
    public SearchIndexPostgresTest() => PostgresServer.SkipUnlessInstalled();

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
