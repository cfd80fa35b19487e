namespace KoreaTimeline.Data;

/// <summary>Links to an article's source: only absolute http and https URLs are stored or shown.</summary>
public static class SourceUrls
{
    /// <summary>The URL when it is absolute http(s) without control characters or spaces, else null.</summary>
    public static string? HttpOrNull(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2048 || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return null;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? url
            : null;
    }
}
