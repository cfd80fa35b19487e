using System.Text;
using KoreaTimeline.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Tests.Import;

public sealed class ArticleImporterTest
{
    // Invented reporting, written for these tests.
    private const string Article = """
        North Korea fired two short-range ballistic missiles into the East Sea on Tuesday, South Korea's Joint Chiefs of Staff said.

        On Monday, the United States and South Korea began their annual Freedom Shield exercise.
        """;

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Imports_an_article_with_its_events_actors_and_evidence()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
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
        await using var db = await TemporaryDatabase.CreateAsync();
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
        await using var db = await TemporaryDatabase.CreateAsync();
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
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_fails_with_a_message_naming_the_file_and_keeps_the_rest(string name, byte[] content, string reason)
    {
        await using var db = await TemporaryDatabase.CreateAsync();
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
        await using var db = await TemporaryDatabase.CreateAsync();
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
