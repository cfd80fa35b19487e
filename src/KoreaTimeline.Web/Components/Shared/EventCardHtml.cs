using KoreaTimeline.Data.Queries;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace KoreaTimeline.Web.Components.Shared;

/// <summary>
/// A page of event cards rendered once to HTML by the cards' own Razor markup (so encoding and markup are exactly
/// <see cref="EventCard"/>'s). A page that lists events holds one markup string per page of cards in its render tree
/// instead of some fifty render frames per card in each of its two render trees, which was most of the memory an open
/// timeline held per circuit. The cards have no events of their own to handle: their links are plain links.
/// </summary>
public static class EventCardHtml
{
    /// <summary>The timeline items (<see cref="EventCard.Items"/>) of <paramref name="items"/> as HTML.</summary>
    public static async Task<MarkupString> RenderAsync(IServiceProvider services, ILoggerFactory loggers, IReadOnlyList<TimelineItem> items)
    {
        if (items.Count == 0)
        {
            return new MarkupString("");
        }
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(EventCardItems.Items)] = items });
            var output = await renderer.RenderComponentAsync<EventCardItems>(parameters);
            return output.ToHtmlString();
        });
        return new MarkupString(html);
    }
}
