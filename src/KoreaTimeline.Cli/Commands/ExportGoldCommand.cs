using System.CommandLine;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Cli.Commands;

/// <summary>
/// <c>koreatimeline export-gold DIR [--corrected-only]</c>: the events of every article, as editors corrected them, in
/// the evaluation's gold format (<c>DIR/articles/NAME.txt</c>, <c>DIR/gold/NAME.gold.json</c>, see <see cref="GoldExport"/>).
/// </summary>
internal static class ExportGoldCommand
{
    public static Command Create()
    {
        var database = ImportCommand.DatabaseOption();
        var directory = new Argument<DirectoryInfo>("dir") { Description = "The folder to write articles/ and gold/ into (created when missing)." };
        var correctedOnly = new Option<bool>("--corrected-only") { Description = "Only articles with an event an editor corrected or hid." };
        var command = new Command("export-gold", "Write the corrected events of every article as evaluation gold (the format of ../shared/eval).")
        {
            database, directory, correctedOnly,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var target = parseResult.GetRequiredValue(directory);
            if (File.Exists(target.FullName))
            {
                await Console.Error.WriteLineAsync($"dir: {target.FullName} is a file; give a folder.");
                return 1;
            }
            await using var services = CliServices.Build(parseResult.GetRequiredValue(database));
            var contexts = services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
            await TimelineDatabase.InitializeAsync(contexts, services.GetRequiredService<ILogger<GoldExport>>(), cancellationToken);
            var result = await new GoldExport(contexts).WriteAsync(target.FullName, parseResult.GetValue(correctedOnly), cancellationToken);
            Console.WriteLine($"Gold: {result.Articles} articles, {result.Events} events ({result.CorrectedEvents} corrected) in {target.FullName}.");
            return 0;
        });
        return command;
    }
}
