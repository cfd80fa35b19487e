using System.Globalization;
using System.Text;

namespace KoreaTimeline.Web.Components.Shared;

/// <summary>
/// The address of a view of an index page (<c>/actors</c>, <c>/articles</c>): its search, sort and page in the query
/// string, each left out at its default, so every view is a link that works pasted into a new tab and before the
/// circuit connects.
/// </summary>
public static class IndexUrl
{
    /// <summary><paramref name="path"/> with <c>q</c>, <c>sort</c> (left out when <paramref name="defaultSort"/>) and <c>page</c> (left out at 1).</summary>
    public static string Of(string path, string? query, string sort, string defaultSort, int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(query))
        {
            parts.Add("q=" + Uri.EscapeDataString(query.Trim()));
        }
        if (sort != defaultSort)
        {
            parts.Add("sort=" + Uri.EscapeDataString(sort));
        }
        if (page > 1)
        {
            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? path : new StringBuilder(path).Append('?').AppendJoin('&', parts).ToString();
    }

    /// <summary>The page number from the URL: 1 when missing, not a number or below 1.</summary>
    public static int Page(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? Math.Min(page, 1_000_000) : 1;
}
