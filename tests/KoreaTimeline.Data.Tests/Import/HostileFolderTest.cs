using System.Diagnostics;
using KoreaTimeline.Data.Import;

namespace KoreaTimeline.Data.Tests.Import;

/// <summary>
/// Import folders that a careless or hostile user can build: a symlink loop, a link to <c>..</c>, a link to
/// <c>/dev/zero</c>, a FIFO named <c>x.txt</c>. Only regular files are imported, no folder link is followed, sizes are
/// checked on the opened file, and each refused path is named. Real links and FIFOs in temporary folders (Unix only).
/// </summary>
public sealed class HostileFolderTest
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private static void RequireUnix()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symlinks and FIFOs need a Unix file system");
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>One good article beside every kind of hostile entry.</summary>
    private static void BuildHostileFolder(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "good.txt"), GeneratedArticles.Text(1));
        var nested = Directory.CreateDirectory(Path.Combine(folder, "nested")).FullName;
        File.WriteAllText(Path.Combine(nested, "deeper.txt"), GeneratedArticles.Text(2));
        Directory.CreateSymbolicLink(Path.Combine(nested, "loop"), nested);          // nested/loop -> nested
        Directory.CreateSymbolicLink(Path.Combine(folder, "up"), "..");              // up -> .. (the parent and everything in it)
        Directory.CreateSymbolicLink(Path.Combine(folder, "root"), "/");             // root -> /
        File.CreateSymbolicLink(Path.Combine(folder, "zero.txt"), "/dev/zero");      // endless bytes, size 0
        File.CreateSymbolicLink(Path.Combine(folder, "self.txt"), Path.Combine(folder, "self.txt")); // a link to itself
        File.CreateSymbolicLink(Path.Combine(folder, "dir.txt"), nested);            // a folder disguised as an article
        MakeFifo(Path.Combine(folder, "x.txt"));                                     // blocks a reader forever
    }

    [Fact]
    public void The_folder_walk_follows_no_folder_link_and_names_each_one()
    {
        RequireUnix();
        var folder = Directory.CreateTempSubdirectory("koreatimeline-hostile-").FullName;
        try
        {
            BuildHostileFolder(folder);

            var scan = ArticleImporter.ScanArticles(folder);

            Assert.Equal(["good.txt", "nested/deeper.txt", "self.txt", "x.txt", "zero.txt"], scan.Articles.Select(a => a.Source));
            Assert.Equal(
                [Path.Combine(folder, "dir.txt"), Path.Combine(folder, "nested", "loop"), Path.Combine(folder, "root"), Path.Combine(folder, "up")],
                scan.Refused.Select(r => r.Path));
            Assert.All(scan.Refused, r => Assert.Contains("link to a folder", r.Reason, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Only_regular_files_are_read_and_each_refusal_names_the_path_and_why()
    {
        RequireUnix();
        await using var db = await TemporaryDatabase.CreateAsync();
        BuildHostileFolder(db.ArticlesPath);

        var import = db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        // A FIFO would block the read forever and /dev/zero would fill memory: the import must end on its own.
        var finished = await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(60), Cancellation));
        Assert.Same(import, finished);
        var results = await import;

        Assert.Equal(["good.txt", "nested/deeper.txt"], results.Where(r => r.Status == ImportStatus.New).Select(r => r.Source));
        string Error(string name) => Assert.Single(results, r => r.Source == name || r.Source.EndsWith("/" + name, StringComparison.Ordinal)).Error ?? "";
        Assert.Contains("x.txt: not a regular file (a FIFO (named pipe))", Error("x.txt"), StringComparison.Ordinal);
        Assert.Contains("zero.txt: not a regular file (a character device)", Error("zero.txt"), StringComparison.Ordinal);
        Assert.Contains("self.txt: could not be opened (a loop of symbolic links)", Error("self.txt"), StringComparison.Ordinal);
        Assert.Contains("links to folders are not followed", Error("up"), StringComparison.Ordinal);
        Assert.Contains("links to folders are not followed", Error("loop"), StringComparison.Ordinal);
        Assert.Contains("links to folders are not followed", Error("dir.txt"), StringComparison.Ordinal);
        Assert.Equal(2, (await db.CountsAsync()).Articles);
    }

    [Fact]
    public async Task The_size_limit_is_checked_on_the_open_file_not_on_a_name()
    {
        RequireUnix();
        await using var db = await TemporaryDatabase.CreateAsync(maxArticleBytes: 1000);
        var big = Path.Combine(db.Folder, "big.txt");
        await File.WriteAllTextAsync(big, new string('a', 5000), Cancellation);
        File.CreateSymbolicLink(Path.Combine(db.ArticlesPath, "small-looking.txt"), big);

        var result = Assert.Single(await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("small-looking.txt: 5,000 bytes is over the 1,000-byte limit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_sidecar_is_refused_without_blocking()
    {
        RequireUnix();
        await using var db = await TemporaryDatabase.CreateAsync();
        db.WriteArticle("a.txt", GeneratedArticles.Text(3));
        MakeFifo(Path.Combine(db.ArticlesPath, "a.meta.json"));

        var import = db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        Assert.Same(import, await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(60), Cancellation)));

        var result = Assert.Single(await import);
        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("a.meta.json: not a regular file (a FIFO (named pipe))", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_finishes_on_a_hostile_folder_and_names_every_refused_path()
    {
        RequireUnix();
        await using var db = await TemporaryDatabase.CreateAsync();
        BuildHostileFolder(db.ArticlesPath);

        using var cli = CliProcess.Start("import", db.ArticlesPath, "--db", $"Data Source={db.DatabasePath}");
        await cli.WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("Articles: 2 new, 0 changed, 0 unchanged, 7 failed", cli.Stdout, StringComparison.Ordinal);
        foreach (var name in new[] { "x.txt", "zero.txt", "self.txt", "dir.txt", "up", "root", "loop" })
        {
            Assert.Contains($"{name}: ", cli.Stderr, StringComparison.Ordinal);
        }
    }
}
