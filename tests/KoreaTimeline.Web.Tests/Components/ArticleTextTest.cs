using Bunit;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Web.Components.Shared;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Components;

public sealed class ArticleTextTest : BunitTest
{
    private static ArticleHighlight Span(int start, int end, int eventId) => new(start, end, eventId, $"Event {eventId}", $"event-{eventId}");

    [Fact]
    public void Keeps_paragraphs_and_renders_markup_as_text()
    {
        var cut = Render<ArticleText>(ps => ps
            .Add(p => p.Text, "First <b>line</b>.\n\nSecond line.\r\nThird.")
            .Add(p => p.Highlights, []));

        var paragraphs = cut.FindAll("p");
        Assert.Equal(["First <b>line</b>.", "Second line.", "Third."], paragraphs.Select(p => p.TextContent));
        Assert.Empty(cut.FindAll("b"));
    }

    [Fact]
    public void Marks_each_span_with_a_link_to_its_event()
    {
        const string text = "Alpha beta gamma.";
        var cut = Render<ArticleText>(ps => ps.Add(p => p.Text, text).Add(p => p.Highlights, [Span(6, 10, 7)]));

        var mark = cut.Find("mark");
        Assert.Equal("beta", mark.TextContent);
        Assert.Equal("/events/7/event-7", mark.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(text, cut.Find("p").TextContent);
    }

    [Fact]
    public void Overlapping_spans_split_into_runs_and_keep_the_text_whole()
    {
        const string text = "Alpha beta gamma delta.";
        var segments = ArticleText.Segment(text, [Span(0, 10, 1), Span(6, 16, 2), Span(6, 10, 3)]);

        var runs = Assert.Single(segments);
        Assert.Equal(text, string.Concat(runs.Select(r => r.Text)));
        Assert.Equal(["Alpha ", "beta", " gamma", " delta."], runs.Select(r => r.Text));
        Assert.Equal([[1], [1, 2, 3], [2], []], runs.Select(r => r.Highlights.Select(h => h.EventId).ToArray()));
    }

    [Fact]
    public void Spans_across_lines_and_out_of_range_do_not_throw()
    {
        const string text = "One.\nTwo.";
        var segments = ArticleText.Segment(text, [Span(2, 7, 1), Span(-5, 2, 2), Span(8, 500, 3), Span(4, 4, 4)]);

        Assert.Equal(["One.", "Two."], segments.Select(p => string.Concat(p.Select(r => r.Text))));
        Assert.Equal(["On", "e.", "Tw", "o", "."], segments.SelectMany(p => p).Select(r => r.Text));
    }
}
