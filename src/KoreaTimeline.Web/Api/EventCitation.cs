using System.Text;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Shared;

namespace KoreaTimeline.Web.Api;

/// <summary>How to cite an event: a plain-text line and a BibTeX <c>@misc</c> entry, both naming the permalink and the sources.</summary>
public static class EventCitation
{
    /// <summary>One line: title, date, site, sources, permalink and the day it was accessed.</summary>
    public static string PlainText(EventSummary e, IEnumerable<CitedSource> sources, string permalink, DateOnly accessed)
    {
        var sb = new StringBuilder();
        sb.Append('"').Append(e.Title.TrimEnd('.')).Append(".\" ")
            .Append(DateDisplay.Format(e.Start, e.End, e.Precision)).Append(". KoreaTimeline, event ").Append(e.Id).Append('.');
        var list = Sources(sources);
        if (list.Length > 0)
        {
            sb.Append(" Sources: ").Append(list).Append('.');
        }
        sb.Append(' ').Append(permalink).Append(" (accessed ").Append(accessed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(").");
        return sb.ToString();
    }

    /// <summary>A BibTeX <c>@misc</c> entry keyed <c>koreatimeline-event-{id}</c>; text fields are escaped for LaTeX.</summary>
    public static string BibTeX(EventSummary e, IEnumerable<CitedSource> sources, string permalink, DateOnly accessed)
    {
        var note = $"Event of {DateDisplay.Format(e.Start, e.End, e.Precision)} ({e.Type.Label().ToLowerInvariant()})";
        var list = Sources(sources);
        if (list.Length > 0)
        {
            note += ". Sources: " + list;
        }
        var sb = new StringBuilder();
        sb.Append("@misc{koreatimeline-event-").Append(e.Id).Append(",\n");
        Field(sb, "title", "{" + Escape(e.Title) + "}");
        Field(sb, "author", "{KoreaTimeline}");
        Field(sb, "year", e.Start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(sb, "note", Escape(note));
        Field(sb, "howpublished", "\\url{" + permalink + "}");
        Field(sb, "url", permalink);
        Field(sb, "urldate", accessed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), last: true);
        sb.Append('}');
        return sb.ToString();
    }

    /// <summary>The articles of quotes, once each, in order.</summary>
    public static IEnumerable<CitedSource> From(IEnumerable<ExportQuote> quotes) =>
        quotes.DistinctBy(q => q.ArticleId).Select(q => new CitedSource(q.ArticleTitle, q.Outlet, q.Published));

    /// <summary>The articles of quotes, once each, in order.</summary>
    public static IEnumerable<CitedSource> From(IEnumerable<EvidenceQuote> quotes) =>
        quotes.DistinctBy(q => q.ArticleId).Select(q => new CitedSource(q.ArticleTitle, q.Outlet, q.Published));

    /// <summary>Escapes LaTeX's special characters.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '{' or '}' or '&' or '%' or '$' or '#' or '_' => "\\" + c,
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static string Sources(IEnumerable<CitedSource> sources) =>
        string.Join("; ", sources.Select(s =>
        {
            var parts = new List<string>();
            if (!string.IsNullOrWhiteSpace(s.Outlet))
            {
                parts.Add(s.Outlet);
            }
            if (!string.IsNullOrWhiteSpace(s.Title))
            {
                parts.Add($"\u201C{s.Title}\u201D");
            }
            parts.Add(s.Published.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
            return string.Join(", ", parts);
        }));

    private static void Field(StringBuilder sb, string name, string value, bool last = false) =>
        sb.Append("  ").Append(name.PadRight(12)).Append(" = {").Append(value).Append('}').Append(last ? "\n" : ",\n");
}

/// <summary>An article a citation names.</summary>
public sealed record CitedSource(string? Title, string? Outlet, DateOnly Published);
