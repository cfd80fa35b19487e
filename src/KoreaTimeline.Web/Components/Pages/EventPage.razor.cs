using KoreaTimeline.Data.Queries;
using KoreaTimeline.Web.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace KoreaTimeline.Web.Components.Pages;

/// <summary>The permalink page of one event: what happened, when, who, and the quotes that state it.</summary>
public partial class EventPage
{
    [Inject] private TimelineQueries Queries { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The event id from the URL.</summary>
    [Parameter] public int Id { get; set; }

    /// <summary>The slug from the URL; a missing or stale slug still shows the event.</summary>
    [Parameter] public string? Slug { get; set; }

    // Nothing is persisted from prerendering: the circuit queries again (a few ms), so the hub's first message stays
    // small whatever the number of quotes (see TimelineWebExtensions.MaxHubMessageBytes).
    private EventDetail? Event { get; set; }

    private EventNeighbours? Neighbours { get; set; }

    [Inject] private PublicBaseUrl PublicUrl { get; set; } = null!;

    // The configured public address, not the Host header of the request being prerendered.
    private string Permalink => PublicUrl.Absolute(Event!.Summary.Permalink);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>"Title." date. KoreaTimeline, event N. Sources: .... permalink (accessed yyyy-MM-dd).</summary>
    private string CitationText => EventCitation.PlainText(Event!.Summary, EventCitation.From(Event.Evidence), Permalink, Today);

    /// <summary>A BibTeX <c>@misc</c> entry of the event.</summary>
    private string CitationBibTeX => EventCitation.BibTeX(Event!.Summary, EventCitation.From(Event.Evidence), Permalink, Today);

    private Task CopyTextAsync() => CopyAsync(CitationText, "Citation");

    private Task CopyBibTeXAsync() => CopyAsync(CitationBibTeX, "BibTeX");

    private async Task CopyAsync(string text, string what)
    {
        var copied = false;
        try
        {
            copied = await JS.InvokeAsync<bool>("koreaTimeline.copy", text);
        }
        catch (JSException)
        {
        }
        Snackbar.Add(copied ? $"{what} copied" : "Select the text and copy it", copied ? Severity.Success : Severity.Info);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Event?.Summary.Id != Id)
        {
            Event = await Queries.GetEventAsync(Id, Aborted);
            Neighbours = Event is null ? null : await Queries.GetNeighboursAsync(Id, cancellationToken: Aborted);
        }
        else if (Neighbours is null)
        {
            Neighbours = await Queries.GetNeighboursAsync(Id, cancellationToken: Aborted);
        }
        if (Event is null)
        {
            // During prerendering this answers 404 with the not-found page; in the circuit the router shows it.
            Navigation.NotFound();
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (RendererInfo.IsInteractive && Event is { } e && Slug != e.Summary.Slug)
        {
            Navigation.NavigateTo(e.Summary.Permalink, new NavigationOptions { ReplaceHistoryEntry = true });
        }
    }
}
