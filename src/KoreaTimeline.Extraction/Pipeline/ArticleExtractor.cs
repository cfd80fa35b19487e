using KoreaTimeline.Extraction.Actors;
using KoreaTimeline.Extraction.Events;
using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Extraction.Pipeline;

/// <summary>
/// Article text to dated events. The stages run in this order, each needing the ones before it:
/// <list type="number">
/// <item>the article date (given, or inferred from the text): every relative date resolves against it;</item>
/// <item>temporal expressions, resolved against the article date and the narrative's current time;</item>
/// <item>sentences (without a headline line, after the dateline), then clauses cut around the dates (a date is never split);</item>
/// <item>actors and places named anywhere in the text (short names need the full name first);</item>
/// <item>event mentions: a trigger in a factual clause, dated by the expression that governs its clause;</item>
/// <item>merging: mentions of the same event become one event with several evidence spans.</item>
/// </list>
/// </summary>
public sealed class ArticleExtractor(TemporalTagger tagger, Gazetteer gazetteer, TriggerLexicon lexicon)
{
    /// <summary>Stored with every article; bump it when extraction changes so <c>reextract</c> knows what is stale.</summary>
    public const string Version = "0.11.0";

    public static ArticleExtractor Default { get; } = new(TemporalTagger.Default, Gazetteer.Default, TriggerLexicon.Default);

    /// <summary>Extracts the dated events of one article. Never throws on any text.</summary>
    public ExtractionResult Extract(ArticleInput input)
    {
        var text = input.Text;
        var article = ResolveArticle(input);
        var document = new ArticleDocument(
            text,
            article.Published,
            tagger.Tag(text, article.Published),
            SplitSentences(text),
            ArticleActors.Resolve(text, ArticleActors.HomeCountry(text, gazetteer), gazetteer, gazetteer.FindActors(text)),
            gazetteer.FindPlaces(text));
        var mentions = MentionFinder.Find(document, lexicon, gazetteer);
        var events = MentionMerger.Merge(mentions);
        return new ExtractionResult(article, events);
    }

    // A headline line restates the story in other words: its events are the body's. The dateline says where the
    // story was filed: its sentence starts after it.
    private static List<Sentence> SplitSentences(string text)
    {
        var sentences = SentenceSplitter.Split(text);
        if (HeadlineOf(text) is not null && sentences.Count > 1)
        {
            sentences.RemoveAt(0);
        }
        if (Dateline.Find(text) is var (start, end))
        {
            var i = sentences.FindIndex(s => s.Start <= start && end < s.End);
            if (i >= 0)
            {
                sentences[i] = sentences[i] with { Start = end };
            }
        }
        return sentences;
    }

    private static ArticleInfo ResolveArticle(ArticleInput input)
    {
        var title = input.Title ?? HeadlineOf(input.Text);
        if (input.Published is { } given)
        {
            return new ArticleInfo(title, given, "given", 1.0);
        }
        var inferred = ArticleDateInference.Infer(input.Text);
        return inferred.Date is { } date
            ? new ArticleInfo(title, date, "inferred", inferred.Confidence)
            : new ArticleInfo(title, DateOnly.FromDateTime(DateTime.UtcNow), "inferred", 0.0);
    }

    // A first line that is short and has no final period reads as the headline.
    private static string? HeadlineOf(string text)
    {
        var firstLine = text.AsSpan().TrimStart();
        var end = firstLine.IndexOfAny('\r', '\n');
        if (end < 0)
        {
            return null;
        }
        var line = firstLine[..end].Trim();
        return line.Length is > 0 and <= 150 && line[^1] is not ('.' or '!' or '?' or ':' or ',') ? line.ToString() : null;
    }
}

/// <summary>What the stages before event finding know of an article; shared by the event stages.</summary>
public sealed record ArticleDocument(
    string Text,
    DateOnly Published,
    IReadOnlyList<TemporalExpression> Timexes,
    IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<ActorMention> Actors,
    IReadOnlyList<PlaceMention> Places);
