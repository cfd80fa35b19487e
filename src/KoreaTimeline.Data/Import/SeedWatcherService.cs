using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Data.Import;

/// <summary>
/// While the app runs, imports articles added to or changed in the seeds folder (<c>.txt</c>, <c>.html</c>,
/// <c>.htm</c>, and an article again when its <c>.meta.json</c> sidecar changes). File events are debounced:
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
        catch (IOException e)
        {
            logger.LogError("Not watching {SeedsPath}: the folder cannot be created ({Reason}); create it and restart the app", folder, e.Message);
            return;
        }
        using var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        foreach (var filter in new[] { "*.txt", "*.html", "*.htm", "*.meta.json" })
        {
            watcher.Filters.Add(filter);
        }
        watcher.Created += (_, e) => Enqueue(e.FullPath);
        watcher.Changed += (_, e) => Enqueue(e.FullPath);
        watcher.Renamed += (_, e) => Enqueue(e.FullPath);
        watcher.Error += (_, e) => logger.LogError(e.GetException(), "The watcher of {SeedsPath} failed; restart the app to import new articles", folder);
        watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {SeedsPath} for new articles", folder);
        watching.TrySetResult();

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
                await ImportPendingAsync(folder, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private void Enqueue(string path)
    {
        pending[path] = 0;
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
