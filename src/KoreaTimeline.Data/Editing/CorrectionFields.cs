using System.Text.Json;
using KoreaTimeline.Data.Entities;

namespace KoreaTimeline.Data.Editing;

/// <summary>The fields an editor can correct, as stored in <see cref="EventCorrection.Field"/> and <see cref="AuditEntry.Field"/>.</summary>
public static class CorrectionFields
{
    /// <summary>The date interval and its precision (<see cref="DateValue"/>).</summary>
    public const string Date = "date";

    /// <summary>The event type id (a JSON string).</summary>
    public const string Type = "type";

    /// <summary>Actors added and removed (<see cref="ActorsValue"/>).</summary>
    public const string Actors = "actors";

    /// <summary>The place (a JSON string, or null to clear it).</summary>
    public const string Location = "location";

    /// <summary>The headline (a JSON string); the slug follows it.</summary>
    public const string Headline = "headline";

    /// <summary>A spurious event: its row is removed and the importer never stores it again (JSON <c>true</c>).</summary>
    public const string Hidden = "hidden";

    /// <summary>An editor's note shown on the event page (a JSON string).</summary>
    public const string Note = "note";

    /// <summary>Events merged into this one: the quotes they had (<see cref="MergeValue"/>); an event stating them again joins it.</summary>
    public const string Merge = "merge";

    /// <summary>
    /// An event split off another: the quotes an editor chose and the fields the new event started with
    /// (<see cref="SplitValue"/>); a re-import that states those quotes in another event moves them back out.
    /// </summary>
    public const string Split = "split";

    /// <summary>A reader's suggestion an editor reviewed (audit only: accepted, or dismissed with a reason).</summary>
    public const string Suggestion = "suggestion";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>A corrected date: the inclusive interval and its precision id (<c>day</c>, <c>month</c>, ...).</summary>
public sealed record DateValue(DateOnly Start, DateOnly End, string Precision);

/// <summary>The quotes of the events merged into an event.</summary>
public sealed record MergeValue(IReadOnlyList<QuoteAnchor> Quotes);

/// <summary>
/// What an event split off <paramref name="SourceId"/> started as: the quotes chosen and the source's fields then (the
/// split event's own corrections apply on top).
/// </summary>
public sealed record SplitValue(
    int SourceId, IReadOnlyList<QuoteAnchor> Quotes, string Title, string Type, DateOnly Start, DateOnly End, string Precision,
    string? Timex, string? DateText, string? Location, double Confidence, IReadOnlyList<ActorRef> Actors);

/// <summary>A quote of an event by its article and span, as the split form names it (<c>articleId:start:end</c>).</summary>
public sealed record QuoteKey(int ArticleId, int Start, int End)
{
    public override string ToString() => FormattableString.Invariant($"{ArticleId}:{Start}:{End}");

    /// <summary>Reads <c>articleId:start:end</c>; null when the text is not one.</summary>
    public static QuoteKey? Parse(string? text)
    {
        var parts = (text ?? "").Split(':');
        return parts.Length == 3
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var article)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start)
            && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var end)
            ? new QuoteKey(article, start, end)
            : null;
    }
}

/// <summary>An actor an editor added: from the gazetteer or the timeline's actors, or new.</summary>
public sealed record ActorRef(string Slug, string Name, string Kind);

/// <summary>The actors a correction adds to an event and the slugs it removes.</summary>
public sealed record ActorsValue(IReadOnlyList<ActorRef> Add, IReadOnlyList<string> Remove)
{
    public static ActorsValue Empty { get; } = new([], []);
}

/// <summary>
/// A quote an event had when a correction was applied: the correction follows the event that holds it after a
/// re-extraction (the same quote text, or an overlapping span of the unchanged article text).
/// </summary>
public sealed record QuoteAnchor(int ArticleId, string ContentHash, int Start, int End, string Text)
{
    /// <summary>Whether a quote <paramref name="start"/>..<paramref name="end"/> of article <paramref name="articleId"/> holds this one.</summary>
    public bool Matches(int articleId, string contentHash, int start, int end, string text) =>
        articleId == ArticleId
        && (string.Equals(text.Trim(), Text.Trim(), StringComparison.Ordinal)
            || (contentHash == ContentHash && start < End && Start < end));
}
