using System.Text;
using KoreaTimeline.Data.Import;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Tests.Import;

public class ArticleImporterTest
{
    /// <summary>The database the tests run on; ArticleImporterTestPostgres runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // Invented reporting, written for these tests.
    private const string Article = """
        North Korea fired two short-range ballistic missiles into the East Sea on Tuesday, South Korea's Joint Chiefs of Staff said.

        On Monday, the United States and South Korea began their annual Freedom Shield exercise.
        """;

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Imports_an_article_with_its_events_actors_and_evidence()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("launch.txt", Article, """{"title": "Missiles fired", "outlet": "Test Wire", "published": "2025-03-12"}""");

        var results = await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        var result = Assert.Single(results);
        Assert.Equal(ImportStatus.New, result.Status);
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        var article = await context.Articles.Include(a => a.Evidence).SingleAsync(Cancellation);
        Assert.Equal(("Missiles fired", "Test Wire", new DateOnly(2025, 3, 12), "given"),
            (article.Title, article.Outlet, article.Published, article.PublishedSource));
        Assert.NotEmpty(article.Evidence);
        Assert.All(article.Evidence, v => Assert.Equal(article.Text[v.Start..v.End], v.Text));
        var launch = await context.Events.Include(e => e.Actors).ThenInclude(a => a.Actor)
            .SingleAsync(e => e.Type == Extraction.Pipeline.EventType.MissileTest, Cancellation);
        Assert.Equal(new DateOnly(2025, 3, 11), launch.Start);
        Assert.Contains(launch.Actors, a => a.Actor.Slug == "north-korea");
    }

    [Fact]
    public async Task The_same_content_imports_once()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("launch.txt", Article, """{"published": "2025-03-12"}""");

        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        var before = await db.CountsAsync();
        var again = await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        Assert.Equal(ImportStatus.Unchanged, Assert.Single(again).Status);
        Assert.Equal(before, await db.CountsAsync());
    }

    [Fact]
    public async Task Changed_content_replaces_the_articles_events()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        var path = db.WriteArticle("launch.txt", Article, """{"published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        File.WriteAllText(path, "On Monday, North Korea fired a ballistic missile into the sea.");
        var results = await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        Assert.Equal(ImportStatus.Changed, Assert.Single(results).Status);
        var (articles, events, _, _) = await db.CountsAsync();
        Assert.Equal((1, 1), (articles, events));
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        Assert.Equal(new DateOnly(2025, 3, 10), (await context.Events.SingleAsync(Cancellation)).Start);
    }

    public static TheoryData<string, byte[], string> BadInputs => new()
    {
        { "empty.txt", [], "empty" },
        { "blank.txt", Encoding.UTF8.GetBytes("  \n\t \n"), "empty" },
        { "binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A], "binary" },
        { "latin1.txt", [0x53, 0x65, 0x6F, 0x75, 0x6C, 0x20, 0xE9, 0x74, 0xE9], "UTF-8" },
        { "utf16.txt", [0xFF, 0xFE, 0x53, 0x00, 0x65, 0x00], "UTF-16" },
        { "page.html", Encoding.UTF8.GetBytes("<html><body><nav>Home</nav><script>x()</script></body></html>"), "no article text" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_fails_with_a_message_naming_the_file_and_keeps_the_rest(string name, byte[] content, string reason)
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("good.txt", Article, """{"published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        var before = await db.CountsAsync();
        await File.WriteAllBytesAsync(Path.Combine(db.ArticlesPath, name), content, Cancellation);

        var results = await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        var failed = Assert.Single(results, r => r.Status == ImportStatus.Failed);
        Assert.Contains(name, failed.Error, StringComparison.Ordinal);
        Assert.Contains(reason, failed.Error, StringComparison.Ordinal);
        Assert.Equal(before, await db.CountsAsync());
    }

    [Fact]
    public async Task A_bad_sidecar_fails_naming_the_sidecar_and_its_field()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("launch.txt", Article, """{"published": "12 March 2025"}""");

        var result = Assert.Single(await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("launch.meta.json", result.Error, StringComparison.Ordinal);
        Assert.Contains("published", result.Error, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await db.CountsAsync());
    }

    [Fact]
    public async Task An_oversized_file_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"koreatimeline-big-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, new string('a', 2048), Cancellation);
        try
        {
            var error = await Assert.ThrowsAsync<ArticleInputException>(
                () => ArticleFileReader.ReadAsync(path, "big.txt", maxBytes: 1024, Cancellation));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("limit", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class ArticleImporterMergeTest
{
    /// <summary>The database the tests run on; ArticleImporterMergeTestPostgres runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private const string Published = """{"published": "2025-03-12"}""";

    [Fact]
    public async Task The_same_event_in_two_articles_becomes_one_event_with_both_sources()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("a.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", Published);
        db.WriteArticle("b.txt", "North Korea launched ballistic missiles toward the sea on March 11, officials said.", Published);

        var results = await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        Assert.Equal((1, 0), (results[0].EventsAdded, results[0].EventsMerged));
        Assert.Equal((0, 1), (results[1].EventsAdded, results[1].EventsMerged));
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        var launch = await context.Events.Include(e => e.Evidence).SingleAsync(Cancellation);
        Assert.Equal(2, launch.Evidence.Select(v => v.ArticleId).Distinct().Count());
    }

    [Fact]
    public async Task The_merged_event_keeps_the_narrower_date()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("a.txt", "North Korea fired ballistic missiles into the sea this week.", Published);
        db.WriteArticle("b.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", Published);

        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        var launch = await context.Events.SingleAsync(Cancellation);
        Assert.Equal((new DateOnly(2025, 3, 11), new DateOnly(2025, 3, 11), DatePrecision.Day), (launch.Start, launch.End, launch.Precision));
    }

    [Fact]
    public async Task Summits_with_different_counterparts_stay_apart()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("a.txt", "Kim Jong-un met Donald Trump in Panmunjom on Monday.", Published);
        db.WriteArticle("b.txt", "Kim Jong-un met Vladimir Putin in Vladivostok on Monday.", Published);

        var results = await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        Assert.All(results, r => Assert.Equal(0, r.EventsMerged));
        Assert.Equal(2, (await db.CountsAsync()).Events);
    }

    [Fact]
    public async Task Changing_one_source_of_a_merged_event_keeps_the_event_for_the_other()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("a.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", Published);
        var b = db.WriteArticle("b.txt", "North Korea launched ballistic missiles toward the sea on March 11, officials said.", Published);
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        int launchId;
        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            launchId = (await context.Events.SingleAsync(Cancellation)).Id;
        }

        File.WriteAllText(b, "Kim Jong-un met Vladimir Putin in Vladivostok on Monday.");
        var changed = Assert.Single(await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation), r => r.Status == ImportStatus.Changed);

        Assert.Equal((1, 0, 0), (changed.EventsAdded, changed.EventsMerged, changed.EventsRemoved));
        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            var launch = await context.Events.Include(e => e.Evidence).ThenInclude(v => v.Article).SingleAsync(e => e.Id == launchId, Cancellation);
            Assert.Equal("a.txt", Assert.Single(launch.Evidence).Article.Source);
            Assert.Equal(2, await context.Events.CountAsync(Cancellation));
        }

        File.WriteAllText(Path.Combine(db.ArticlesPath, "a.txt"), "Kim Jong-un met Vladimir Putin in Vladivostok on Monday, officials said.");
        var second = Assert.Single(await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation), r => r.Status == ImportStatus.Changed);

        // The launch lost its last source and is gone; the summit of a.txt merged into b.txt's summit.
        Assert.Equal((0, 1, 1), (second.EventsAdded, second.EventsMerged, second.EventsRemoved));
        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            Assert.False(await context.Events.AnyAsync(e => e.Id == launchId, Cancellation));
            Assert.Equal(1, await context.Events.CountAsync(Cancellation));
            Assert.All(await context.Events.Select(e => e.Evidence.Count).ToListAsync(Cancellation), n => Assert.Equal(2, n));
        }
    }

    [Fact]
    public async Task Reextraction_keeps_counts_and_event_ids_and_records_the_version()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        GeneratedArticles.Write(db.ArticlesPath, 6);
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        var before = await db.CountsAsync();
        List<int> ids;
        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            ids = await context.Events.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(Cancellation);
            // Pretend an older extractor produced them.
            await context.Articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.ExtractorVersion, "0.0.1"), Cancellation);
        }

        var results = await db.Importer.ReextractAsync(onlyStale: true, cancellationToken: Cancellation);

        Assert.Equal(6, results.Count);
        Assert.All(results, r => Assert.Equal(ImportStatus.Changed, r.Status));
        Assert.Equal(before, await db.CountsAsync());
        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            Assert.Equal(ids, await context.Events.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(Cancellation));
            Assert.All(await context.Articles.Select(a => a.ExtractorVersion).ToListAsync(Cancellation), v => Assert.Equal(ArticleExtractor.Version, v));
        }
        Assert.Empty(await db.Importer.ReextractAsync(onlyStale: true, cancellationToken: Cancellation));
    }

    [Fact]
    public async Task Reextraction_keeps_a_given_published_date_and_the_sidecar_title()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("a.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", """{"title": "Launch", "published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        await db.Importer.ReextractAsync(onlyStale: false, cancellationToken: Cancellation);

        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        var article = await context.Articles.SingleAsync(Cancellation);
        Assert.Equal(("Launch", new DateOnly(2025, 3, 12), "given"), (article.Title, article.Published, article.PublishedSource));
        Assert.Equal(new DateOnly(2025, 3, 11), (await context.Events.SingleAsync(Cancellation)).Start);
    }

    [Fact]
    public async Task Importing_a_folder_twice_changes_nothing_the_second_time()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        GeneratedArticles.Write(db.ArticlesPath, 10);

        var first = await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        var counts = await db.CountsAsync();
        var second = await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        Assert.All(first, r => Assert.Equal(ImportStatus.New, r.Status));
        Assert.Contains(first, r => r.EventsMerged > 0);
        Assert.All(second, r => Assert.Equal(ImportStatus.Unchanged, r.Status));
        Assert.Equal(counts, await db.CountsAsync());
        Assert.Equal(ImportSummary.Of(first).EventsAdded, counts.Events);
    }

    [Fact]
    public async Task A_changed_sidecar_reimports_the_article()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("a.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", Published);
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        db.WriteArticle("a.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", """{"published": "2025-03-20"}""");
        var result = Assert.Single(await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation));

        Assert.Equal(ImportStatus.Changed, result.Status);
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        Assert.Equal(new DateOnly(2025, 3, 18), (await context.Events.SingleAsync(Cancellation)).Start);
    }

    [Fact]
    public async Task The_same_text_under_another_name_imports_once()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("a.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", Published);
        db.WriteArticle("copy.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", Published);

        var results = await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        Assert.Equal([ImportStatus.New, ImportStatus.Unchanged], results.Select(r => r.Status));
        Assert.Contains("a.txt", results[1].Warning, StringComparison.Ordinal);
        Assert.Equal(1, (await db.CountsAsync()).Articles);
    }

    [Fact]
    public async Task An_article_with_no_dated_event_is_imported_with_a_warning()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("weather.txt", "The weather in Seoul was mild and people enjoyed the parks.", Published);

        var result = Assert.Single(await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation));

        Assert.Equal(ImportStatus.New, result.Status);
        Assert.Contains("weather.txt", result.Warning, StringComparison.Ordinal);
        Assert.Contains("no dated event", result.Warning, StringComparison.Ordinal);
        Assert.Equal((1, 0), ((await db.CountsAsync()).Articles, (await db.CountsAsync()).Events));
    }

    [Fact]
    public async Task An_html_page_is_imported_as_its_text_and_evidence_indexes_that_text()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("page.html", """
            <html><body><nav>Home | World</nav><article><h1>Launch</h1>
            <p>North Korea fired a ballistic missile into the sea on Tuesday.</p></article></body></html>
            """, Published);

        var result = Assert.Single(await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation));

        Assert.Equal(ImportStatus.New, result.Status);
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        var article = await context.Articles.Include(a => a.Evidence).SingleAsync(Cancellation);
        Assert.DoesNotContain("<", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", article.Text, StringComparison.Ordinal);
        Assert.NotEmpty(article.Evidence);
        Assert.All(article.Evidence, v => Assert.Equal(article.Text[v.Start..v.End], v.Text));
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_fails_naming_the_file()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider, maxArticleBytes: 100);
        db.WriteArticle("small.txt", "North Korea fired a ballistic missile on Tuesday.", Published);
        db.WriteArticle("large.txt", string.Concat(Enumerable.Repeat("North Korea fired a ballistic missile on Tuesday. ", 5)), Published);

        var results = await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        var failed = Assert.Single(results, r => r.Status == ImportStatus.Failed);
        Assert.Contains("large.txt", failed.Error, StringComparison.Ordinal);
        Assert.Contains("limit", failed.Error, StringComparison.Ordinal);
        Assert.Equal(ImportStatus.New, Assert.Single(results, r => r.Source == "small.txt").Status);
    }

    [Fact]
    public async Task Every_committed_import_tells_the_open_pages()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        var told = 0;
        db.Changes.Changed += () => Interlocked.Increment(ref told);
        GeneratedArticles.Write(db.ArticlesPath, 3);

        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        Assert.Equal(3, told);
    }
}

/// <summary>The tests of <see cref="ArticleImporterTest"/> on PostgreSQL.</summary>
public sealed class ArticleImporterTestPostgres : ArticleImporterTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>The tests of <see cref="ArticleImporterMergeTest"/> on PostgreSQL.</summary>
public sealed class ArticleImporterMergeTestPostgres : ArticleImporterMergeTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
