using System.CommandLine;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Cli.Commands;

/// <summary>
/// <c>koreatimeline reextract</c>: runs the current extractor over every stored article (after an upgrade),
/// one transaction per article, keeping events that other articles still state.
/// </summary>
internal static class ReextractCommand
{
    public static Command Create()
    {
        var database = ImportCommand.DatabaseOption();
        var staleOnly = new Option<bool>("--stale-only")
        {
            Description = "Only articles that another extractor version produced.",
        };
        var command = new Command("reextract", "Run the current extractor over the stored articles and replace their events.") { database, staleOnly };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = CliServices.Build(parseResult.GetRequiredValue(database));
            var logger = services.GetRequiredService<ILogger<ArticleImporter>>();
            await TimelineDatabase.InitializeAsync(services.GetRequiredService<IDbContextFactory<TimelineDbContext>>(), logger, cancellationToken);
            var importer = services.GetRequiredService<ArticleImporter>();
            ProgressLine? progress = null;
            var results = await importer.ReextractAsync(parseResult.GetValue(staleOnly), (total, result) =>
            {
                progress ??= new ProgressLine(total, "Re-extracting");
                progress.Step(result.Source);
            }, cancellationToken);
            ImportCommand.Report(results);
            return results.Any(r => r.Status == ImportStatus.Failed) ? 1 : 0;
        });
        return command;
    }
}
