using System.CommandLine;
using System.Text.Json;
using KoreaTimeline.Data.Import;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Cli.Commands;

/// <summary><c>koreatimeline extract ARTICLE [--published YYYY-MM-DD]</c>: the article's events as contract JSON.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var article = new Argument<FileInfo>("article") { Description = "A UTF-8 text article; NAME.meta.json beside it is read when present." };
        var published = new Option<string?>("--published") { Description = "The article date, YYYY-MM-DD; overrides the sidecar." };
        var command = new Command("extract", "Extract the dated events of one article and print them as JSON.") { article, published };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var file = parseResult.GetRequiredValue(article);
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
            ArticleFile input;
            try
            {
                input = await ArticleFileReader.ReadAsync(file.FullName, file.Name, cancellationToken: cancellationToken);
            }
            catch (ArticleInputException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
            var result = ArticleExtractor.Default.Extract(
                new ArticleInput(input.Text, input.Metadata.Title, publishedDate ?? input.Metadata.Published));
            await using var stdout = Console.OpenStandardOutput();
            await JsonSerializer.SerializeAsync(stdout, ExtractionJson.From(result), JsonOutput.Options, cancellationToken);
            await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken);
            return 0;
        });
        return command;
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
