using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace KoreaTimeline.Web;

/// <summary>
/// The scheme, host and path base of every absolute link the app writes (API, exports, feeds, citations): the
/// configured <c>Timeline:PublicBaseUrl</c>, else the first address the server listens on, else <c>http://localhost</c>.
/// Never the request's Host header, which any client can set.
/// </summary>
public sealed class PublicBaseUrl(IOptions<TimelineOptions> options, IServer server)
{
    private string? value;

    /// <summary>The base URL without a trailing slash, e.g. <c>https://timeline.example.org</c>.</summary>
    public string Value => value ??= Resolve();

    /// <summary>An absolute URL of <paramref name="path"/> (which starts with <c>/</c>).</summary>
    public string Absolute(string path) => Value + path;

    /// <summary>Null when <paramref name="url"/> is a usable public base URL, else what is wrong with it.</summary>
    public static string? Problem(string? url) =>
        string.IsNullOrWhiteSpace(url) ? null
        : !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            ? $"Timeline:PublicBaseUrl '{url}' is not an absolute http(s) URL; set it to the address readers use, e.g. https://timeline.example.org."
        : uri.Query.Length > 0 || uri.Fragment.Length > 0
            ? $"Timeline:PublicBaseUrl '{url}' must not have a query or fragment."
        : null;

    private string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return "http://localhost";
        }
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}
