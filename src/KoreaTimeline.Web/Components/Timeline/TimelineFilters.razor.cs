using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.AspNetCore.Components;

namespace KoreaTimeline.Web.Components.Timeline;

/// <summary>
/// The filter panel of the timeline: search, order, actors (searchable, with counts), event types (with counts),
/// dates (fields and a brushable histogram), and the active filters, each removable with one click.
/// It never queries by itself: it shows <see cref="Facets"/> and reports a new filter through <see cref="FilterChanged"/>.
/// </summary>
public partial class TimelineFilters
{
    private static readonly Dictionary<string, object> SearchAttributes = new() { ["data-testid"] = "search", ["aria-label"] = "Search the timeline" };

    private string? searchText;
    // A date field's text while it cannot be read (kept on screen with its error), and the dates last shown.
    private string? fromText;
    private string? toText;
    private string? fromError;
    private string? toError;
    private (DateOnly? From, DateOnly? To) shownDates;
    private string? shownQuery;
    private bool showFacets;

    /// <summary>The filter the timeline shows.</summary>
    [Parameter, EditorRequired] public required TimelineFilter Filter { get; set; }

    /// <summary>The counts under <see cref="Filter"/>; null while they load.</summary>
    [Parameter] public TimelineFacets? Facets { get; set; }

    /// <summary>Finds actors by name with their counts under the filter; null offers only the listed actors.</summary>
    [Parameter] public Func<string?, CancellationToken, Task<IReadOnlyList<ActorCount>>>? ActorSearch { get; set; }

    /// <summary>Raised with the filter the user asked for (the page puts it in the URL).</summary>
    [Parameter] public EventCallback<TimelineFilter> FilterChanged { get; set; }

    /// <summary>
    /// How the URL writes the dates (<c>from=2019&amp;to=2019-06</c>): the fields show them the same way. A typed date
    /// reports its form through <see cref="DateFormsChanged"/> before <see cref="FilterChanged"/>, so the page can write
    /// the URL as the user typed it.
    /// </summary>
    [Parameter] public DateForms DateForms { get; set; }

    /// <summary>Raised with the forms of the dates just typed (or brushed: whole days), before <see cref="FilterChanged"/>.</summary>
    [Parameter] public EventCallback<DateForms> DateFormsChanged { get; set; }

    /// <summary>How many actors are offered as chips.</summary>
    [Parameter] public int ActorChips { get; set; } = 12;

    private IEnumerable<ActorCount> TopActors
    {
        get
        {
            var actors = Facets?.Actors ?? [];
            var chosen = Filter.Actors.Select(slug => actors.FirstOrDefault(a => a.Slug == slug) ?? new ActorCount(slug, slug, "other", 0));
            return chosen.Concat(actors.Where(a => !Filter.Actors.Contains(a.Slug)).Take(Math.Max(0, ActorChips - Filter.Actors.Count)));
        }
    }

    private string DateLabel => (Filter.From, Filter.To) switch
    {
        ({ } f, { } t) => $"{TimelineUrl.FormatDate(f)} to {TimelineUrl.FormatDate(t)}",
        ({ } f, null) => $"from {TimelineUrl.FormatDate(f)}",
        (null, { } t) => $"until {TimelineUrl.FormatDate(t)}",
        _ => "",
    };

    protected override void OnParametersSet()
    {
        // A new range from the URL (applied, cleared, brushed, back) replaces whatever the date fields held.
        if ((Filter.From, Filter.To) != shownDates)
        {
            shownDates = (Filter.From, Filter.To);
            (fromText, toText, fromError, toError) = (null, null, null, null);
        }
        // Follow the URL (back, forward, a cleared filter) without clobbering what is being typed.
        if (Filter.Query != shownQuery)
        {
            shownQuery = Filter.Query;
            searchText = Filter.Query;
        }
    }

    private string ActorName(string slug) => Facets?.Actors.FirstOrDefault(a => a.Slug == slug)?.Name ?? slug;

    private Task ChangeAsync(TimelineFilter filter) => FilterChanged.InvokeAsync(filter with { After = null });

    private Task SearchChangedAsync(string? text)
    {
        searchText = text;
        var query = SearchSyntax.Clean(text);
        var next = query.Length == 0 ? null : query;
        if (next == Filter.Query)
        {
            return Task.CompletedTask;
        }
        shownQuery = next;
        // A new search sorts by relevance unless the user chose a date order.
        var sort = next is null ? (Filter.Sort == TimelineSort.Relevance ? TimelineSort.Newest : Filter.Sort)
            : Filter.HasSearch ? Filter.Sort : TimelineSort.Relevance;
        return ChangeAsync(Filter with { Query = next, Sort = sort });
    }

    private Task SortChangedAsync(ChangeEventArgs e) =>
        Enum.TryParse<TimelineSort>(e.Value as string, out var sort) && sort != Filter.EffectiveSort ? ChangeAsync(Filter with { Sort = sort }) : Task.CompletedTask;

    private async Task<IEnumerable<ActorCount>> SearchActorsAsync(string? text, CancellationToken cancellationToken)
    {
        if (ActorSearch is not null)
        {
            return (await ActorSearch(text, cancellationToken)).Where(a => !Filter.Actors.Contains(a.Slug));
        }
        var actors = Facets?.Actors ?? [];
        return actors.Where(a => string.IsNullOrWhiteSpace(text) || a.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private Task AddActorAsync(ActorCount? actor) =>
        actor is null || Filter.Actors.Contains(actor.Slug) ? Task.CompletedTask : ChangeAsync(Filter with { Actors = [.. Filter.Actors, actor.Slug] });

    private Task ToggleActorAsync(string slug) => ChangeAsync(Filter with
    {
        Actors = Filter.Actors.Contains(slug) ? Filter.Actors.Where(a => a != slug).ToList() : [.. Filter.Actors, slug],
    });

    private Task ToggleTypeAsync(EventType type) => ChangeAsync(Filter with
    {
        Types = (Filter.Types.Contains(type) ? Filter.Types.Where(t => t != type) : Filter.Types.Append(type)).Order().ToList(),
    });

    /// <summary>The error shown under the date fields, naming the field; null when both can be read.</summary>
    private string? DateError => fromError ?? toError;

    private static string Format(DateOnly? date, DateBound bound, DateForm form) =>
        date is { } d ? DateInput.Format(d, bound, form) : "";

    private async Task FromChangedAsync(string? text)
    {
        var result = DateInput.Parse(text, DateBound.Start, "From");
        var error = result.Error ?? DateInput.OrderError(result.Date, toError is null ? Filter.To : null);
        (fromText, fromError) = error is null ? (null, null) : (text, error);
        var forms = DateForms with { From = result.Form };
        if (error is null && (result.Date != Filter.From || result.Date is not null && forms != DateForms))
        {
            await ChangeAsync(Filter with { From = result.Date }, forms);
        }
    }

    private async Task ToChangedAsync(string? text)
    {
        var result = DateInput.Parse(text, DateBound.End, "To");
        var error = result.Error ?? DateInput.OrderError(fromError is null ? Filter.From : null, result.Date);
        (toText, toError) = error is null ? (null, null) : (text, error);
        var forms = DateForms with { To = result.Form };
        if (error is null && (result.Date != Filter.To || result.Date is not null && forms != DateForms))
        {
            await ChangeAsync(Filter with { To = result.Date }, forms);
        }
    }

    // The histogram chooses whole years, written as days (as the time axis writes its zooms).
    private Task YearsChangedAsync((int From, int To) years) =>
        ChangeAsync(Filter with { From = new DateOnly(years.From, 1, 1), To = new DateOnly(years.To, 12, 31) }, default);

    private async Task ChangeAsync(TimelineFilter filter, DateForms forms)
    {
        if (forms != DateForms)
        {
            await DateFormsChanged.InvokeAsync(forms);
        }
        await ChangeAsync(filter);
    }

    /// <summary>
    /// MudChip's classes for a clickable facet chip: filled in the primary colour when chosen, outlined otherwise.
    /// Plain buttons with these classes look the same as MudChip and cost no component each.
    /// </summary>
    internal static string FacetClass(bool chosen, bool disabled) => (chosen, disabled) switch
    {
        (true, _) => "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-primary mud-clickable mud-ripple",
        (false, true) => "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-default mud-disabled",
        _ => "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-default mud-clickable mud-ripple",
    };
}
