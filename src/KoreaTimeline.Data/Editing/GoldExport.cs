using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Editing;

/// <summary>One event in the evaluation's gold format (<c>../shared/eval</c>: <c>NAME.gold.json</c> is a list of these).</summary>
public sealed record GoldEvent(
    [property: JsonPropertyName("quote")] string Quote,
    [property: JsonPropertyName("trigger")] string? Trigger,
    [property: JsonPropertyName("date_text")] string? DateText,
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("end")] string End,
    [property: JsonPropertyName("precision")] string Precision,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("actors")] IReadOnlyList<string> Actors,
    [property: JsonPropertyName("location")] string? Location,
    [property: JsonPropertyName("optional")] bool Optional,
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("alt_quotes")] IReadOnlyList<string> AltQuotes);

/// <summary>What <see cref="GoldExport.WriteAsync"/> wrote.</summary>
public sealed record GoldExportResult(int Articles, int Events, int CorrectedEvents);

/// <summary>
/// Writes the timeline's events, as editors corrected them, as evaluation data in the layout of the development corpus:
/// <c>DIR/articles/NAME.txt</c> (the stored text) with <c>NAME.meta.json</c>, and <c>DIR/gold/NAME.gold.json</c> (one
/// gold event per event the article quotes: its first quote as <c>quote</c>, its others as <c>alt_quotes</c>, the
/// corrected date, precision, type, actors and place) with <c>NAME.expect.json</c> (the article date). So
/// <c>score_events.py DIR/articles DIR/gold PRED</c> scores an extractor against the editors' work, and
/// <c>validate.py DIR</c> checks it. NAME is the article's file name without extension (made unique with its id).
/// </summary>
public sealed partial class GoldExport(IDbContextFactory<TimelineDbContext> contextFactory)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes every article (or, with <paramref name="correctedOnly"/>, only those with an event an editor corrected or
    /// hid) into <paramref name="directory"/>; existing files of the same names are replaced.
    /// </summary>
    public async Task<GoldExportResult> WriteAsync(string directory, bool correctedOnly = false, CancellationToken cancellationToken = default)
    {
        var articlesDir = Directory.CreateDirectory(Path.Combine(directory, "articles")).FullName;
        var goldDir = Directory.CreateDirectory(Path.Combine(directory, "gold")).FullName;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var corrections = await db.EventCorrections.AsNoTracking().Select(c => new { c.EventId, c.Field, c.Anchors }).ToListAsync(cancellationToken);
        var corrected = corrections.Where(c => c.Field != CorrectionFields.Hidden).Select(c => c.EventId).ToHashSet();
        var hiddenIn = corrections.Where(c => c.Field == CorrectionFields.Hidden)
            .SelectMany(c => CorrectionReplay.ParseAnchors(c.Anchors)).Select(a => a.ArticleId).ToHashSet();
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Source }).ToListAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int written = 0, events = 0, correctedEvents = 0;
        foreach (var header in articles)
        {
            var quotes = await db.Evidence.AsNoTracking().Where(v => v.ArticleId == header.Id)
                .OrderBy(v => v.Start).ThenBy(v => v.End)
                .Select(v => new { v.EventId, v.Text }).ToListAsync(cancellationToken);
            if (correctedOnly && !hiddenIn.Contains(header.Id) && !quotes.Any(q => corrected.Contains(q.EventId)))
            {
                continue;
            }
            var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == header.Id, cancellationToken);
            var eventIds = quotes.Select(q => q.EventId).Distinct().ToList();
            var rows = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id))
                .Select(e => new { e.Id, e.Slug, e.Start, e.End, e.Precision, e.Type, e.DateText, e.Location, Actors = e.Actors.Select(a => a.Actor.Name).ToList() })
                .ToListAsync(cancellationToken);
            var byId = rows.ToDictionary(e => e.Id);
            var gold = new List<GoldEvent>();
            // Events in the order of their first quote in the article, as an analyst reads it.
            foreach (var group in quotes.GroupBy(q => q.EventId))
            {
                var e = byId[group.Key];
                var texts = group.Select(q => q.Text).Distinct().ToList();
                var isCorrected = corrected.Contains(e.Id);
                gold.Add(new GoldEvent(
                    texts[0], null,
                    e.DateText is { Length: > 0 } dateText && article.Text.Contains(dateText, StringComparison.Ordinal) ? dateText : null,
                    e.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    e.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    e.Precision.Id(), e.Type.Id(), e.Actors.Order(StringComparer.Ordinal).ToList(), e.Location, false,
                    $"KoreaTimeline event {e.Id} (/events/{e.Id}/{e.Slug}); {(isCorrected ? "corrected by an editor" : "as extracted, not corrected")}.",
                    texts.Skip(1).ToList()));
                events++;
                correctedEvents += isCorrected ? 1 : 0;
            }
            var name = UniqueName(article.Source, article.Id, names);
            await File.WriteAllTextAsync(Path.Combine(articlesDir, name + ".txt"), article.Text, Utf8, cancellationToken);
            var published = article.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await WriteJsonAsync(Path.Combine(articlesDir, name + ".meta.json"),
                new Dictionary<string, string?> { ["title"] = article.Title, ["outlet"] = article.Outlet, ["url"] = article.Url, ["published"] = published }, cancellationToken);
            await WriteJsonAsync(Path.Combine(goldDir, name + ".gold.json"), gold, cancellationToken);
            await WriteJsonAsync(Path.Combine(goldDir, name + ".expect.json"), new Dictionary<string, string> { ["published"] = published }, cancellationToken);
            written++;
        }
        return new GoldExportResult(written, events, correctedEvents);
    }

    /// <summary>The file name of an article: its source's name without folder and extension, safe characters only, unique.</summary>
    internal static string UniqueName(string source, int id, ISet<string> taken)
    {
        var stem = Path.GetFileNameWithoutExtension(source.Replace('\\', '/').Split('/')[^1]);
        stem = Unsafe().Replace(stem, "-").Trim('-', '.');
        if (stem.Length == 0)
        {
            stem = "article";
        }
        stem = stem.Length > 80 ? stem[..80] : stem;
        var name = taken.Contains(stem) ? $"{stem}-{id}" : stem;
        taken.Add(name);
        return name;
    }

    private static async Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken);
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();
}
