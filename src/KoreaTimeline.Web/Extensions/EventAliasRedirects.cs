using System.Text.RegularExpressions;
using KoreaTimeline.Data.Queries;

namespace KoreaTimeline.Web.Extensions;

/// <summary>
/// Old permalinks: <c>/events/{id}/{slug}</c> for an id that a re-import replaced or a merge took away answers a real
/// 301 to the successor's permalink (the whole alias chain in one step), before Blazor renders anything. Live and
/// unknown ids go on to the page as before (an unknown id is the page's 404).
/// </summary>
public static partial class EventAliasRedirects
{
    [GeneratedRegex(@"^/events/(?<id>[0-9]{1,9})(?:/[^/]*)?/?$", RegexOptions.CultureInvariant)]
    private static partial Regex EventPath();

    /// <summary>Adds the redirect for aliased event permalinks.</summary>
    public static WebApplication UseEventAliasRedirects(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && EventPath().Match(request.Path.Value ?? "") is { Success: true } match
                && int.TryParse(match.Groups["id"].ValueSpan, out var id))
            {
                var queries = context.RequestServices.GetRequiredService<TimelineQueries>();
                if (await queries.FindSuccessorAsync(id, context.RequestAborted) is { } successor)
                {
                    context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                    context.Response.Headers.Location = $"{request.PathBase}/events/{successor.Id}/{successor.Slug}{request.QueryString}";
                    return;
                }
            }
            await next(context);
        });
        return app;
    }
}
