using KoreaTimeline.Data.Import;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Tests.Import;

/// <summary>Kill -9 in the middle of an import, concurrent readers, and the command line's exit code.</summary>
public sealed class ImportRobustnessTest
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killing_an_import_midway_leaves_a_sound_database_without_half_articles()
    {
        const int total = 400;
        await using var db = await TemporaryDatabase.CreateAsync();
        GeneratedArticles.Write(db.ArticlesPath, total);

        using (var child = CliProcess.Start("import", db.ArticlesPath, "--db", $"Data Source={db.DatabasePath}"))
        {
            // Kill as soon as a few articles are committed, bounded in time.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (await CountArticlesAsync(db.DatabasePath) < 5)
            {
                Assert.False(child.HasExited, $"the import ended before it could be killed:\n{child.Stderr}");
                Assert.True(DateTime.UtcNow < deadline, $"no article was imported in time:\n{child.Stderr}");
                await Task.Delay(20, Cancellation);
            }
            child.KillHard();
            await child.WaitAsync(TimeSpan.FromSeconds(30));
        }
        SqliteConnection.ClearAllPools();

        await using (var connection = new SqliteConnection($"Data Source={db.DatabasePath}"))
        {
            await connection.OpenAsync(Cancellation);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", await check.ExecuteScalarAsync(Cancellation));
        }
        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            var stored = await context.Articles
                .Select(a => new { a.Text, a.Published, a.ExtractorVersion, Evidence = a.Evidence.Count })
                .ToListAsync(Cancellation);
            Assert.InRange(stored.Count, 5, total - 1);
            foreach (var article in stored)
            {
                // All of its evidence or none: as many rows as the extractor finds spans.
                var expected = ArticleExtractor.Default.Extract(new ArticleInput(article.Text, null, article.Published)).Events.Sum(e => e.Evidence.Count);
                Assert.Equal(expected, article.Evidence);
                Assert.Equal(ArticleExtractor.Version, article.ExtractorVersion);
            }
            Assert.False(await context.Events.AnyAsync(e => !e.Evidence.Any(), Cancellation));
        }

        // Importing again finishes the job and ends where a clean import ends.
        var resumed = await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        Assert.DoesNotContain(resumed, r => r.Status is ImportStatus.Failed or ImportStatus.Changed);
        await using var fresh = await TemporaryDatabase.CreateAsync();
        await fresh.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        Assert.Equal(await fresh.CountsAsync(), await db.CountsAsync());
    }

    [Fact]
    public async Task Readers_and_two_importers_share_the_database_without_errors()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var first = Path.Combine(db.Folder, "first");
        var second = Path.Combine(db.Folder, "second");
        GeneratedArticles.Write(first, 40);
        GeneratedArticles.Write(second, 40, "second");
        foreach (var file in Directory.EnumerateFiles(second))
        {
            // Different texts in the second folder, so both importers write new articles.
            File.AppendAllText(file, file.EndsWith(".txt", StringComparison.Ordinal) ? "\n\nA second edition of the report." : "");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var imports = Task.WhenAll(
            Task.Run(() => db.Importer.ImportFolderAsync(first, Cancellation), Cancellation),
            Task.Run(() => db.Importer.ImportFolderAsync(second, Cancellation), Cancellation));
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var queries = 0;
            while (!stop.IsCancellationRequested)
            {
                await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
                var events = await context.Events.AsNoTracking()
                    .OrderByDescending(e => e.Start).Take(50)
                    .Select(e => new { e.Id, e.Title, Actors = e.Actors.Select(a => a.Actor.Name).ToList(), Quotes = e.Evidence.Count })
                    .ToListAsync(Cancellation);
                Assert.All(events, e => Assert.True(e.Quotes > 0));
                await context.Articles.AsNoTracking().CountAsync(Cancellation);
                queries++;
            }
            return queries;
        }, Cancellation)).ToList();

        var results = (await imports).SelectMany(r => r).ToList();
        await stop.CancelAsync();
        var queryCounts = await Task.WhenAll(readers);

        Assert.Equal(80, results.Count);
        Assert.All(results, r => Assert.Equal(ImportStatus.New, r.Status));
        Assert.All(queryCounts, n => Assert.True(n > 0));
        Assert.Equal(80, (await db.CountsAsync()).Articles);
    }

    [Fact]
    public async Task The_command_imports_files_and_standard_input_reports_bad_files_and_exits_non_zero()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var good = db.WriteArticle("good.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", """{"published": "2025-03-12"}""");
        var empty = db.WriteArticle("empty.txt", "   ");

        using var child = CliProcess.Start("import", good, empty, "-", "missing.txt", "--db", $"Data Source={db.DatabasePath}");
        await child.WriteStdinAndCloseAsync("Kim Jong-un met Vladimir Putin in Vladivostok on Monday, 10 March 2025.");
        await child.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, child.ExitCode);
        Assert.Contains("2 new", child.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 failed", child.Stdout, StringComparison.Ordinal);
        Assert.Contains("empty.txt", child.Stderr, StringComparison.Ordinal);
        Assert.Contains("missing.txt", child.Stderr, StringComparison.Ordinal);
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        Assert.Contains(await context.Articles.Select(a => a.Source).ToListAsync(Cancellation), s => s.StartsWith("stdin:", StringComparison.Ordinal));
    }

    private static async Task<long> CountArticlesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Articles;";
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }
}
