using System.CommandLine;
using System.Text.Json;
using KoreaTimeline.Data.Import;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Cli.Commands;

/// <summary>
/// <c>koreatimeline extract ARTICLE [--published YYYY-MM-DD]</c>: the article's events as contract JSON on standard output;
/// <c>koreatimeline extract FOLDER --out DIR</c>: one <c>NAME.json</c> per <c>NAME.txt</c> of the folder, in one process.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var article = new Argument<FileSystemInfo>("article")
        {
            Description = "A UTF-8 text article (NAME.meta.json beside it is read when present), or a folder of them with --out.",
        };
        var published = new Option<string?>("--published") { Description = "The article date, YYYY-MM-DD; overrides the sidecar." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "With a folder: where to write one NAME.json per article." };
        var command = new Command("extract", "Extract the dated events of an article (or a folder of articles) as JSON.") { article, published, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            DateOnly? publishedDate = null;
            if (parseResult.GetValue(published) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", out var d))
                {
                    await Console.Error.WriteLineAsync($"--published: \"{text}\" is not a date; write it as YYYY-MM-DD.");
                    return 2;
                }
                publishedDate = d;
            }
            var input = parseResult.GetRequiredValue(article);
            if (input is DirectoryInfo folder)
            {
                if (parseResult.GetValue(output) is not { } outDir)
                {
                    await Console.Error.WriteLineAsync($"{folder.FullName}: is a folder; add --out DIR to write one NAME.json per article.");
                    return 2;
                }
                return await ExtractFolderAsync(folder, outDir, publishedDate, cancellationToken);
            }
            await using var stdout = Console.OpenStandardOutput();
            return await ExtractFileAsync(new FileInfo(input.FullName), stdout, publishedDate, cancellationToken) ? 0 : 1;
        });
        return command;
    }

    private static async Task<int> ExtractFolderAsync(DirectoryInfo folder, DirectoryInfo outDir, DateOnly? published, CancellationToken cancellationToken)
    {
        if (!folder.Exists)
        {
            await Console.Error.WriteLineAsync($"{folder.FullName}: folder not found.");
            return 1;
        }
        outDir.Create();
        var failed = 0;
        foreach (var file in folder.EnumerateFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var target = Path.Combine(outDir.FullName, Path.GetFileNameWithoutExtension(file.Name) + ".json");
            await using var stream = File.Create(target);
            if (!await ExtractFileAsync(file, stream, published, cancellationToken))
            {
                failed++;
                await stream.DisposeAsync();
                File.Delete(target);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static async Task<bool> ExtractFileAsync(FileInfo file, Stream destination, DateOnly? published, CancellationToken cancellationToken)
    {
        ArticleFile input;
        try
        {
            input = await ArticleFileReader.ReadAsync(file.FullName, file.Name, cancellationToken: cancellationToken);
        }
        catch (ArticleInputException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
        ExtractionResult result;
        try
        {
            result = ArticleExtractor.Default.Extract(new ArticleInput(input.Text, input.Metadata.Title, published ?? input.Metadata.Published));
        }
        catch (ExtractionException e)
        {
            await Console.Error.WriteLineAsync($"{file.FullName}: {e.Message}");
            return false;
        }
        await JsonSerializer.SerializeAsync(destination, ExtractionJson.From(result), JsonOutput.Options, cancellationToken);
        await destination.WriteAsync("\n"u8.ToArray(), cancellationToken);
        return true;
    }
}

/// <summary>The contract's shape of an extraction result.</summary>
internal sealed record ExtractionJson(ExtractionJson.ArticleJson Article, IReadOnlyList<ExtractionJson.EventJson> Events)
{
    public sealed record ArticleJson(string? Title, string Published, string PublishedSource, double PublishedConfidence);

    public sealed record EventJson(
        string Title, string Type, string Start, string End, string Precision, string? Timex, string? DateText,
        IReadOnlyList<ActorRef> Actors, string? Location, IReadOnlyList<EvidenceSpan> Evidence, double Confidence);

    public static ExtractionJson From(ExtractionResult result) => new(
        new ArticleJson(result.Article.Title, Iso(result.Article.Published), result.Article.PublishedSource,
            Math.Round(result.Article.PublishedConfidence, 2)),
        [.. result.Events.Select(e => new EventJson(e.Title, e.Type.Id(), Iso(e.Date.Start), Iso(e.Date.End), e.Date.Precision.Id(),
            e.Timex, e.DateText, e.Actors, e.Location, e.Evidence, Math.Round(e.Confidence, 2)))]);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");
}
