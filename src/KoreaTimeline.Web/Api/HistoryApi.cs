using KoreaTimeline.Data.Editing;
using KoreaTimeline.Data.Queries;

namespace KoreaTimeline.Web.Api;

/// <summary>One change of an event as the API gives it: when, by whom (display name), which field, before, after, note.</summary>
public sealed record HistoryEntryModel(DateTimeOffset At, string By, string Field, string? Before, string? After, string? Note);

/// <summary>The history of an event: <c>GET /api/events/{id}/history</c>.</summary>
public sealed record EventHistoryModel(int EventId, bool Hidden, IReadOnlyList<HistoryEntryModel> Changes);

/// <summary>Routes of the editors' public record.</summary>
public static class HistoryApi
{
    /// <summary>Maps <c>/events/{id}/history</c> on the API group.</summary>
    public static RouteGroupBuilder MapEventHistoryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/events/{id:int}/history", GetHistoryAsync).WithName("GetEventHistory")
            .WithSummary("Every change editors made to an event, newest first (also under ids that now redirect to it).")
            .Produces<EventHistoryModel>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MethodNotAllowed("/events/{id:int}/history");
        return api;
    }

    private static async Task<IResult> GetHistoryAsync(int id, TimelineQueries queries, EditorialQueries editorial, CancellationToken cancellationToken)
    {
        var live = await queries.GetEventAsync(id, cancellationToken) is not null;
        var hidden = !live && await editorial.GetHiddenAsync(id, cancellationToken) is not null;
        if (!live && !hidden)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no event {id}.");
        }
        var history = await editorial.GetHistoryAsync(id, cancellationToken);
        return Results.Ok(new EventHistoryModel(id, hidden,
            history.Select(h => new HistoryEntryModel(h.At, h.By, h.Field, h.Before, h.After, h.Note)).ToList()));
    }
}
