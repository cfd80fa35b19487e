using KoreaTimeline.Data.Queries;
using Microsoft.AspNetCore.Components;

namespace KoreaTimeline.Web.Components.Shared;

/// <summary>
/// An article's text as text, one paragraph per line, with each evidence span marked and linked to its event.
/// </summary>
public partial class ArticleText
{
    /// <summary>The article text, exactly as stored (highlight offsets index into it).</summary>
    [Parameter, EditorRequired] public required string Text { get; set; }

    /// <summary>The spans to mark; they may overlap or fall outside the text.</summary>
    [Parameter] public IReadOnlyList<ArticleHighlight> Highlights { get; set; } = [];

    private IReadOnlyList<IReadOnlyList<TextSegment>> Paragraphs { get; set; } = [];

    protected override void OnParametersSet() => Paragraphs = Segment(Text, Highlights);

    private static string Permalink(ArticleHighlight highlight) => $"/events/{highlight.EventId}/{highlight.EventSlug}";

    /// <summary>
    /// Cuts the text into paragraphs (non-blank lines) and each paragraph into runs covered by the same highlights.
    /// Overlapping spans split into runs; a run lists the highlights covering it, outermost first.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<TextSegment>> Segment(string text, IReadOnlyList<ArticleHighlight> highlights)
    {
        var spans = highlights
            .Select(h => h with { Start = Math.Clamp(h.Start, 0, text.Length), End = Math.Clamp(h.End, 0, text.Length) })
            .Where(h => h.Start < h.End)
            .OrderBy(h => h.Start).ThenByDescending(h => h.End)
            .ToList();

        var paragraphs = new List<IReadOnlyList<TextSegment>>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOfAny(['\r', '\n'], lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }
            if (!string.IsNullOrWhiteSpace(text[lineStart..lineEnd]))
            {
                paragraphs.Add(SegmentRange(text, lineStart, lineEnd, spans));
            }
            lineStart = lineEnd + 1;
        }
        // Each quote's element id (q-{evidence id}) goes on the first run it covers.
        var anchored = new HashSet<int>();
        foreach (var paragraph in paragraphs)
        {
            var runs = (List<TextSegment>)paragraph;
            for (var i = 0; i < runs.Count; i++)
            {
                var anchors = runs[i].Highlights.Where(h => h.EvidenceId > 0 && anchored.Add(h.EvidenceId)).Select(h => h.EvidenceId).ToList();
                if (anchors.Count > 0)
                {
                    runs[i] = runs[i] with { Anchors = anchors };
                }
            }
        }
        return paragraphs;
    }

    /// <summary>The element id of a quote on the article page; event pages link to <c>/articles/{id}#q-{evidence id}</c>.</summary>
    public static string AnchorId(int evidenceId) => $"q-{evidenceId}";

    private static string? QuoteIds(TextSegment segment) =>
        segment.Highlights.Any(h => h.EvidenceId > 0) ? string.Join(' ', segment.Highlights.Where(h => h.EvidenceId > 0).Select(h => h.EvidenceId)) : null;

    private static List<TextSegment> SegmentRange(string text, int start, int end, List<ArticleHighlight> spans)
    {
        var inside = spans.Where(h => h.Start < end && h.End > start).ToList();
        var cuts = new SortedSet<int> { start, end };
        foreach (var h in inside)
        {
            cuts.Add(Math.Max(h.Start, start));
            cuts.Add(Math.Min(h.End, end));
        }

        var segments = new List<TextSegment>();
        var bounds = cuts.ToList();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var (from, to) = (bounds[i], bounds[i + 1]);
            var covering = inside.Where(h => h.Start <= from && h.End >= to).ToList();
            var piece = text[from..to];
            if (segments.Count > 0 && covering.Count == 0 && segments[^1].Highlights.Count == 0)
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + piece };
            }
            else
            {
                segments.Add(new TextSegment(piece, covering));
            }
        }
        return segments;
    }
}

/// <summary>A run of article text and the highlights covering it, outermost first.</summary>
public sealed record TextSegment(string Text, IReadOnlyList<ArticleHighlight> Highlights)
{
    /// <summary>The evidence ids of the quotes that begin in this run (their element ids go here).</summary>
    public IReadOnlyList<int> Anchors { get; init; } = [];
}
