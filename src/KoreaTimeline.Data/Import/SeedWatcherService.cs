using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Data.Import;

/// <summary>
/// While the app runs, imports articles added to or changed in the seeds folder and its subfolders (<c>.txt</c>,
/// <c>.html</c>, <c>.htm</c>, and an article again when its <c>.meta.json</c> sidecar changes). File events are debounced:
/// an import starts once the folder has been quiet for <see cref="SeedOptions.Debounce"/>, so a file still being
/// copied is read once it is complete. Deleting a file removes nothing from the timeline.
/// Imports go through <see cref="ArticleImporter"/>, which tells open pages through <see cref="TimelineChanges"/>.
/// </summary>
public sealed class SeedWatcherService(ArticleImporter importer, SeedOptions options, ILogger<SeedWatcherService> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, byte> pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource watching = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Completes once the folder is watched: files written after it are seen.</summary>
    public Task Watching => watching.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = options.SeedsPath;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Not watching {SeedsPath}: the folder cannot be created ({Reason}); create it and restart the app", folder, e.Message);
            watching.TrySetException(e);
            return;
        }
        using var watcher = options.Poll ? null : TryWatch(folder);
        using var polling = watcher is null ? new PeriodicTimer(PollInterval) : null;
        var seen = watcher is null ? Snapshot(folder) : [];
        if (polling is not null)
        {
            _ = PollAsync(folder, polling, seen, stoppingToken);
        }
        watching.TrySetResult();

        // Catch up with files written since the app started (while the startup import ran): unchanged ones are skipped.
        DateTime started;
        using (var self = Process.GetCurrentProcess())
        {
            started = self.StartTime.ToUniversalTime();
        }
        foreach (var (path, written) in Snapshot(folder))
        {
            if (written >= started && ArticleFileReader.IsArticlePath(path))
            {
                Enqueue(path);
            }
        }

        try
        {
            while (await signals.Reader.WaitToReadAsync(stoppingToken))
            {
                // Debounce: wait until no file event arrived for a whole interval.
                do
                {
                    signals.Reader.TryRead(out _);
                    await Task.Delay(options.Debounce, stoppingToken);
                }
                while (signals.Reader.TryPeek(out _));
                try
                {
                    await ImportPendingAsync(folder, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The app goes on serving; the files are tried again when they change.
                    logger.LogError(e, "Seeds watcher could not import from {SeedsPath}", folder);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    /// <summary>How often the folder is scanned when the operating system cannot watch it.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private FileSystemWatcher? TryWatch(string folder)
    {
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                // Directories too: files written into a new folder before its watch exists are found by scanning it.
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Created += (_, e) => Enqueue(e.FullPath);
            watcher.Changed += (_, e) => Enqueue(e.FullPath);
            watcher.Renamed += (_, e) => Enqueue(e.FullPath);
            watcher.Error += (_, e) => logger.LogError(e.GetException(), "The watcher of {SeedsPath} failed; restart the app to import new articles", folder);
            watcher.EnableRaisingEvents = true;
            logger.LogInformation("Watching {SeedsPath} for new articles", folder);
            return watcher;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // On Linux this is usually the inotify instance limit (fs.inotify.max_user_instances).
            watcher?.Dispose();
            logger.LogWarning("Cannot watch {SeedsPath} ({Reason}); scanning it every {Seconds} s instead. Raise fs.inotify.max_user_instances to watch it",
                folder, e.Message, PollInterval.TotalSeconds);
            return null;
        }
    }

    // The fallback: a scan of article and sidecar files by last write time.
    private async Task PollAsync(string folder, PeriodicTimer timer, Dictionary<string, DateTime> seen, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var (path, written) in Snapshot(folder))
                {
                    if (!seen.TryGetValue(path, out var before) || before != written)
                    {
                        seen[path] = written;
                        Enqueue(path);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The app is stopping.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Stopped scanning {SeedsPath}: {Reason}; restart the app to import new articles", folder, e.Message);
        }
    }

    private static Dictionary<string, DateTime> Snapshot(string folder) =>
        ArticleFolder.Scan(folder, p => ArticleFileReader.IsArticlePath(p) || ArticleFileReader.IsSidecarPath(p)).Articles
            .ToDictionary(p => p.Path, p => File.GetLastWriteTimeUtc(p.Path), StringComparer.Ordinal);

    private void Enqueue(string path)
    {
        if (Directory.Exists(path))
        {
            if (new DirectoryInfo(path).LinkTarget is not null)
            {
                logger.LogError("Seeds watcher skipped {Path}: a link to a folder; links to folders are not followed", path);
                return;
            }
            try
            {
                foreach (var (file, _) in ArticleImporter.ScanArticles(path).Articles)
                {
                    pending[file] = 0;
                }
            }
            catch (IOException)
            {
                // Gone again: nothing to import.
            }
        }
        else if (ArticleFileReader.IsArticlePath(path) || ArticleFileReader.IsSidecarPath(path))
        {
            pending[path] = 0;
        }
        else
        {
            return;
        }
        signals.Writer.TryWrite(true);
    }

    private async Task ImportPendingAsync(string folder, CancellationToken cancellationToken)
    {
        var paths = pending.Keys.ToList();
        foreach (var path in paths)
        {
            pending.TryRemove(path, out _);
        }
        var articles = paths.SelectMany(ArticlesFor).Distinct(StringComparer.Ordinal).Where(File.Exists).Order(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var source = Path.GetRelativePath(folder, article).Replace('\\', '/');
            try
            {
                var result = await importer.ImportFileAsync(article, source, cancellationToken);
                logger.LogInformation("Seeds watcher: {Source} {Status}, events {Added} added, {Merged} merged, {Removed} removed",
                    source, result.Status, result.EventsAdded, result.EventsMerged, result.EventsRemoved);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Seeds watcher could not import {Source}; it will be tried again when the file changes", source);
            }
        }
    }

    // A sidecar stands for the article files beside it with the same name.
    private static IEnumerable<string> ArticlesFor(string path)
    {
        if (ArticleFileReader.IsSidecarPath(path))
        {
            var stem = path[..^".meta.json".Length];
            return [stem + ".txt", stem + ".html", stem + ".htm"];
        }
        return ArticleFileReader.IsArticlePath(path) ? [path] : [];
    }
}
