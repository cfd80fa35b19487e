using System.Security.Cryptography;
using System.Text.Json;
using KoreaTimeline.Data.Queries;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Caching.Memory;

namespace KoreaTimeline.Web.Components.Shared;

/// <summary>
/// Pages of event cards rendered to HTML by the cards' own Razor markup (<see cref="EventCard.Items"/>, so encoding and
/// markup are exactly the card's), shared by every circuit that shows the same events. A page that lists events holds
/// one reference to a shared string per page of cards instead of some fifty render frames per card in each of its two
/// render trees: those frames, and then the markup, were most of the memory an open timeline held per circuit. The
/// cards have no events of their own to handle; their links are plain links.
/// </summary>
/// <remarks>
/// Keyed by a hash of the events' content, not by the view, so an import that changes an event changes the key and a
/// changed event is never shown stale. Bounded by size (characters) and dropped after ten idle minutes.
/// </remarks>
public sealed class EventCardHtml(IServiceScopeFactory scopes, ILoggerFactory loggers) : IDisposable
{
    /// <summary>The most characters of HTML kept (16 MB).</summary>
    public const long MaxCachedChars = 8 * 1024 * 1024;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxCachedChars });

    /// <summary>
    /// The timeline items of <paramref name="items"/> as HTML, their titles headings of <paramref name="headingLevel"/>;
    /// the same string for the same events.
    /// </summary>
    public async Task<MarkupString> RenderAsync(IReadOnlyList<TimelineItem> items, int headingLevel = 2)
    {
        if (items.Count == 0)
        {
            return new MarkupString("");
        }
        var key = headingLevel + Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(items)));
        if (cache.TryGetValue(key, out string? cached) && cached is not null)
        {
            return new MarkupString(cached);
        }
        var html = await RenderHtmlAsync(items, headingLevel);
        cache.Set(key, html, new MemoryCacheEntryOptions { Size = html.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return new MarkupString(html);
    }

    private async Task<string> RenderHtmlAsync(IReadOnlyList<TimelineItem> items, int headingLevel)
    {
        // A scope of its own, as a request has: the renderer asks for scoped services (navigation, JS interop).
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(EventCardItems.Items)] = items,
                [nameof(EventCardItems.HeadingLevel)] = headingLevel,
            });
            var output = await renderer.RenderComponentAsync<EventCardItems>(parameters);
            return output.ToHtmlString();
        });
    }

    public void Dispose() => cache.Dispose();
}
