using System.ServiceModel.Syndication;
using KoreaTimeline.Data.Editing;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Web.Components.Editing;

namespace KoreaTimeline.Web.Api;

/// <summary>
/// <c>/export/atom?include=corrections</c>: the view's feed plus one entry per editor's correction of the view's events.
/// A feed reader shows an entry whose id it has not seen as new and mostly ignores a changed <c>updated</c> of an entry
/// it knows, so a correction is an entry of its own (its id never changes: the change's number under the history of the
/// id it was made on), dated when it was made, linking to the corrected event's permalink. A change belongs to the view
/// when its event (as it is now) has the view's types, actors and dates; with a search, when the event is also one of
/// the feed's entries. Changes of hidden events are left out (they have no page). The default feed is unchanged.
/// </summary>
public static class AtomCorrections
{
    /// <summary>The value of <c>include</c> that adds corrections.</summary>
    public const string Include = "corrections";

    /// <summary>Whether <paramref name="include"/> asks for corrections; a bad value or format is an error naming the field.</summary>
    public static bool Parse(string? include, string format, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(include))
        {
            return false;
        }
        if (include != Include)
        {
            errors["include"] = [$"Unknown include '{include}'; the only one is '{Include}'."];
            return false;
        }
        if (format != "atom")
        {
            errors["include"] = ["include=corrections is for the Atom feed (/export/atom) only."];
            return false;
        }
        return true;
    }

    /// <summary>The export URL with <c>include=corrections</c> when asked for.</summary>
    public static string WithInclude(string url, bool corrections) =>
        corrections ? url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "include=" + Include : url;

    /// <summary>The entries of the latest corrections of the view's events (at most as many as the feed's limit).</summary>
    public static async Task<IReadOnlyList<SyndicationItem>> ItemsAsync(ExportContext context, IReadOnlyList<SyndicationItem> events, CancellationToken cancellationToken)
    {
        var filter = context.Filter;
        var listed = events.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var changes = await context.Corrections!.GetRecentChangesAsync(context.Stream.Limit, change => InView(filter, change, listed, context.Map), cancellationToken: cancellationToken);
        return changes.Select(change => ToItem(change, context.Map)).ToList();
    }

    private static bool InView(TimelineFilter filter, RecentChange change, HashSet<string> listed, ApiMapper map) =>
        (filter.Types.Count == 0 || filter.Types.Contains(change.Type))
        && filter.Actors.All(change.ActorSlugs.Contains)
        && (filter.From is not { } from || change.End >= from)
        && (filter.To is not { } to || change.Start <= to)
        && (string.IsNullOrWhiteSpace(filter.Query) || listed.Contains(map.Absolute(Permalink(change))));

    private static string Permalink(RecentChange change) => $"/events/{change.EventId}/{change.Slug}";

    private static SyndicationItem ToItem(RecentChange change, ApiMapper map)
    {
        var entry = change.Entry;
        var label = HistoryText.Label(entry.Field);
        var what = entry.Field == CorrectionFields.Note
            ? $"{label}: \u201C{entry.After ?? "removed"}\u201D"
            : $"{label} from \u201C{entry.Before ?? "none"}\u201D to \u201C{entry.After ?? "none"}\u201D";
        var text = $"{what}, by {entry.By}." + (string.IsNullOrEmpty(entry.Note) ? "" : $" Why: {entry.Note}");
        var permalink = map.Absolute(Permalink(change));
        var id = map.Absolute($"/api/events/{entry.EventId}/history") + $"#change-{entry.Id}";
        var item = new SyndicationItem(XmlText.Legal($"Correction: {change.Title} ({label})"), SyndicationContent.CreatePlaintextContent(XmlText.Legal(text)),
            new Uri(permalink), id, entry.At)
        {
            PublishDate = entry.At,
        };
        item.Categories.Add(new SyndicationCategory("correction", null, "Correction"));
        item.Authors.Add(new SyndicationPerson { Name = XmlText.Legal(entry.By) });
        return item;
    }
}
