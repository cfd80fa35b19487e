using System.CommandLine;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Cli.Commands;

/// <summary>
/// <c>koreatimeline import PATH...</c>: imports article files, folders (recursively) and standard input (<c>-</c>)
/// into the timeline database. The summary goes to standard output; logs and the progress bar to standard error.
/// Exit code 1 when any input failed.
/// </summary>
internal static class ImportCommand
{
    public static Option<string> DatabaseOption() => new("--db")
    {
        Description = "Connection string of the timeline database (SQLite; PostgreSQL with Timeline__Database__Provider=Postgres).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ConnectionStrings__Timeline") ?? TimelineDataExtensions.DefaultConnectionString,
    };

    public static Command Create()
    {
        var database = DatabaseOption();
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = "Largest article file accepted, in bytes.",
            DefaultValueFactory = _ => ArticleFileReader.DefaultMaxBytes,
        };
        maxBytes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() <= 0)
            {
                result.AddError("--max-bytes must be a positive number of bytes.");
            }
        });
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Article .txt/.html files, folders (searched recursively), or - for standard input.",
        };
        var command = new Command("import", "Import articles into the timeline database; unchanged articles are skipped.") { paths, database, maxBytes };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var limit = parseResult.GetValue(maxBytes);
            await using var services = CliServices.Build(parseResult.GetRequiredValue(database), limit);
            var logger = services.GetRequiredService<ILogger<ArticleImporter>>();
            await TimelineDatabase.InitializeAsync(services.GetRequiredService<IDbContextFactory<TimelineDbContext>>(), logger, cancellationToken);
            var importer = services.GetRequiredService<ArticleImporter>();

            var results = new List<ArticleImportResult>();
            var files = new List<(string Path, string Source)>();
            var readStdin = false;
            foreach (var path in parseResult.GetRequiredValue(paths))
            {
                if (path == "-")
                {
                    readStdin = true;
                }
                else if (Directory.Exists(path))
                {
                    var scan = ArticleImporter.ScanArticles(path);
                    results.AddRange(importer.Refuse(scan.Refused));
                    files.AddRange(scan.Articles);
                }
                else if (File.Exists(path))
                {
                    files.Add((path, Path.GetFileName(path)));
                }
                else
                {
                    var error = $"{path}: no such file or folder.";
                    logger.LogError("Skipped {Source}: {Reason}", path, error);
                    results.Add(ArticleImportResult.Failed(path, error));
                }
            }
            if (readStdin)
            {
                results.Add(await ImportStandardInputAsync(importer, limit, logger, cancellationToken));
            }
            var progress = new ProgressLine(files.Count, "Importing");
            results.AddRange(await importer.ImportFilesAsync(files, r => progress.Step(r.Source), cancellationToken));

            Report(results);
            return results.Any(r => r.Status == ImportStatus.Failed) ? 1 : 0;
        });
        return command;
    }

    /// <summary>Prints failures and warnings to standard error and the summary to standard output.</summary>
    public static void Report(IReadOnlyList<ArticleImportResult> results)
    {
        foreach (var failed in results.Where(r => r.Status == ImportStatus.Failed))
        {
            Console.Error.WriteLine($"failed: {failed.Error}");
        }
        foreach (var warned in results.Where(r => r.Warning is not null))
        {
            Console.Error.WriteLine($"warning: {warned.Warning}");
        }
        Console.WriteLine(ImportSummary.Of(results).ToString());
    }

    private static async Task<ArticleImportResult> ImportStandardInputAsync(
        ArticleImporter importer, long limit, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var stdin = Console.OpenStandardInput();
            var file = await ArticleFileReader.ReadStreamAsync(stdin, "standard input", limit, cancellationToken);
            return await importer.ImportAsync(file, cancellationToken);
        }
        catch (ArticleInputException e)
        {
            logger.LogError("Skipped standard input: {Reason}", e.Message);
            return ArticleImportResult.Failed("-", e.Message);
        }
    }
}
