using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace KoreaTimeline.Web.Api;

/// <summary>
/// CSV (RFC 4180, UTF-8, header row): one row per event; actors, quotes' articles and their URLs joined with "; ".
/// A cut export says so in its headers only: a note row would break the table. Formula injection (OWASP "CSV
/// injection"): a cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is written as
/// text, with a leading <c>'</c>, so a spreadsheet never evaluates it.
/// </summary>
public sealed class CsvExport : IExportWriter
{
    public string Format => "csv";

    public string ContentType => "text/csv; charset=utf-8";

    public string Extension => "csv";

    public bool IsDownload => true;

    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns =
    [
        "id", "url", "title", "type", "type_label", "cameo", "plover", "date", "end_date", "precision", "date_text", "location",
        "actors", "actor_slugs", "quote", "sources", "source_urls",
    ];

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        // Prefixes ' and quotes a field starting with = + - @ \t \r (CsvHelper's InjectionCharacters default).
        InjectionOptions = InjectionOptions.Escape,
    };

    public async Task WriteAsync(ExportContext context, HttpResponse response, CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, Configuration, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }
        await csv.NextRecordAsync();
        var rows = 0;
        await foreach (var item in context.Stream.Events.WithCancellation(cancellationToken))
        {
            var e = context.Map.Event(item.Summary);
            var articles = item.Quotes.DistinctBy(q => q.ArticleId).ToList();
            string?[] fields =
            [
                e.Id.ToString(CultureInfo.InvariantCulture), e.Url, e.Title, e.Type, e.TypeLabel, e.Cameo, e.Plover,
                Iso(e.Date), Iso(e.EndDate), e.Precision, e.DateText, e.Location,
                string.Join("; ", e.Actors.Select(a => a.Name)), string.Join("; ", e.Actors.Select(a => a.Slug)),
                item.Quotes.Count > 0 ? item.Quotes[0].Text : null,
                string.Join("; ", articles.Select(Source)),
                string.Join("; ", articles.Select(q => q.SourceUrl ?? context.Map.Absolute($"/articles/{q.ArticleId}"))),
            ];
            foreach (var field in fields)
            {
                csv.WriteField(field ?? "");
            }
            await csv.NextRecordAsync();
            if (++rows % OpenDataReader.BatchSize == 0)
            {
                await csv.FlushAsync();
                await text.FlushAsync(cancellationToken);
            }
        }
        await csv.FlushAsync();
        await text.FlushAsync(cancellationToken);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Source(ExportQuote q) =>
        string.Join(", ", new[] { q.Outlet, q.ArticleTitle, Iso(q.Published) }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
