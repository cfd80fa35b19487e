using System.CommandLine;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Cli.Commands;

/// <summary><c>koreatimeline import PATH...</c>: imports article files and folders into the timeline database.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var database = new Option<string>("--db")
        {
            Description = "SQLite connection string of the timeline database.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ConnectionStrings__Timeline") ?? TimelineDataExtensions.DefaultConnectionString,
        };
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Article .txt files or folders (searched recursively)." };
        var command = new Command("import", "Import articles into the timeline database; unchanged articles are skipped.") { paths, database };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = CliServices.Build(parseResult.GetRequiredValue(database));
            await TimelineDatabase.InitializeAsync(services.GetRequiredService<IDbContextFactory<TimelineDbContext>>(), cancellationToken);
            var importer = services.GetRequiredService<ArticleImporter>();
            var results = new List<ArticleImportResult>();
            foreach (var path in parseResult.GetRequiredValue(paths))
            {
                if (Directory.Exists(path))
                {
                    results.AddRange(await importer.ImportFolderAsync(path, cancellationToken));
                }
                else if (File.Exists(path))
                {
                    results.Add(await importer.ImportFileAsync(path, Path.GetFileName(path), cancellationToken));
                }
                else
                {
                    await Console.Error.WriteLineAsync($"{path}: no such file or folder.");
                    results.Add(new ArticleImportResult(path, ImportStatus.Failed, null, 0, "not found", TimeSpan.Zero));
                }
            }
            Console.WriteLine(
                $"Articles: {Count(ImportStatus.New)} new, {Count(ImportStatus.Changed)} changed, {Count(ImportStatus.Unchanged)} unchanged, " +
                $"{Count(ImportStatus.Failed)} failed; events added: {results.Sum(r => r.Events)}.");
            return results.Any(r => r.Status == ImportStatus.Failed) ? 1 : 0;

            int Count(ImportStatus status) => results.Count(r => r.Status == status);
        });
        return command;
    }
}
