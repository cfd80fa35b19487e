using KoreaTimeline.Data;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Shared;
using KoreaTimeline.Web.Components.Timeline;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace KoreaTimeline.Web.Components.Pages;

/// <summary>
/// The timeline: filters on one side, a page of events on the other. The URL is the state: every filter change
/// navigates to a new URL (so back, forward, reload and shared links restore the view), and the page prerenders
/// the filtered view for any URL. "Load more" pages by keyset without touching the URL. Open pages reload when an
/// import commits.
/// </summary>
public partial class TimelinePage
{
    /// <summary>Events per page.</summary>
    public const int PageSize = 50;

    private string? loadedKey;
    private readonly HashSet<int> shownIds = [];
    private readonly List<MarkupString> cardPages = [];
    private readonly TimelineGroups groups = new();

    [Inject] private TimelineQueries Queries { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private TimelineChanges Changes { get; set; } = null!;

    [Inject] private IOptions<TimelineOptions> Options { get; set; } = null!;

    [Inject] private ILogger<TimelinePage> Logger { get; set; } = null!;

    [Inject] private EventCardHtml CardHtml { get; set; } = null!;

    [Inject] private TimeAxisSvg AxisSvg { get; set; } = null!;

    /// <summary>Free-text search.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }

    /// <summary>Actor slugs; events must involve all of them.</summary>
    [SupplyParameterFromQuery(Name = "actor")] public string[]? ActorSlugs { get; set; }

    /// <summary>Event type ids; events must have one of them.</summary>
    [SupplyParameterFromQuery(Name = "type")] public string[]? TypeIds { get; set; }

    /// <summary>First day, ISO.</summary>
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }

    /// <summary>Last day, ISO.</summary>
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    /// <summary><c>date</c>, <c>date-asc</c> or <c>relevance</c>.</summary>
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }

    /// <summary><c>type</c>: the time axis has one lane per event type.</summary>
    [SupplyParameterFromQuery(Name = "lanes")] public string? Lanes { get; set; }

    /// <summary>The value of <see cref="Lanes"/> for lanes by type.</summary>
    public const string LanesByTypeValue = "type";

    private bool LanesByType => Lanes == LanesByTypeValue;

    /// <summary>
    /// The time axis of the view without its clusters and events (they are in <see cref="AxisMarkup"/>, a string shared
    /// by every circuit showing the same view).
    /// </summary>
    private TimeAxisData? Axis { get; set; }

    private MarkupString AxisMarkup { get; set; }

    /// <summary>
    /// The total and the counts. Not persisted from prerendering: 50 events with their counts are far over the hub's
    /// 32 KB message limit (the circuit would close before it starts); the circuit runs the same two queries again.
    /// </summary>
    private TimelineView? View { get; set; }

    /// <summary>
    /// The cards shown, as HTML, one string per page loaded. The events themselves are not kept once rendered: an open
    /// timeline holds its markup and the ids shown (for "load more"), not the query results.
    /// </summary>
    private IReadOnlyList<MarkupString> CardPages => cardPages;

    /// <summary>
    /// In a date order the cards are grouped under year and month headings (<see cref="Groups"/>); in relevance order
    /// they are one list (<see cref="CardPages"/>): neighbours in rank are not neighbours in time.
    /// </summary>
    private bool Grouped => Filter.EffectiveSort != TimelineSort.Relevance;

    /// <summary>The cards shown in a date order, by year and month.</summary>
    private TimelineGroups Groups => groups;

    /// <summary>How many events are shown.</summary>
    private int Shown => shownIds.Count;

    private TimelineFilter Filter { get; set; } = new();

    /// <summary>How the URL writes the dates (<c>2019</c>, <c>2019-06</c> or a day), so a new URL writes them the same way.</summary>
    private DateForms dateForms;

    /// <summary>Why the URL's <c>from</c> or <c>to</c> was left out, naming the parameter; empty when both could be read.</summary>
    private IReadOnlyList<string> DateErrors { get; set; } = [];

    private string? NextCursor { get; set; }

    private bool Loading { get; set; }

    private bool LoadingMore { get; set; }

    private string? Error { get; set; }

    /// <summary>The export formats of the menu, by their name in <c>/export/{format}</c>.</summary>
    private static readonly (string Format, string Label)[] ExportFormats =
    [
        ("csv", "CSV (spreadsheet)"),
        ("json", "JSON (PLOVER-style)"),
        ("ics", "iCalendar (.ics)"),
        ("timelinejs", "TimelineJS (embed)"),
        ("atom", "Atom feed (follow)"),
    ];

    private string ViewQueryString => Api.ViewQuery.QueryString(Filter);

    private string ExportUrl(string format) => $"/export/{format}{(ViewQueryString.Length > 0 ? "?" + ViewQueryString : "")}";

    private string ApiUrl => $"/api/events{(ViewQueryString.Length > 0 ? "?" + ViewQueryString : "")}";

    private string PageTitle => Filter.IsEmpty ? "KoreaTimeline" : $"{Describe(Filter)} · KoreaTimeline";

    private string SortLabel => Filter.EffectiveSort switch
    {
        TimelineSort.Oldest => "oldest first",
        TimelineSort.Relevance => "best match first",
        _ => "newest first",
    };

    protected override void OnInitialized() => Changes.Changed += OnTimelineChanged;

    protected override async Task OnParametersSetAsync()
    {
        Filter = TimelineUrl.Parse(Q, ActorSlugs, TypeIds, From, To, Sort, PageSize);
        var dates = TimelineUrl.ParseDates(From, To);
        (dateForms, DateErrors) = (dates.Forms, dates.Errors);
        var key = UrlOf(Filter, LanesByType);
        if (key == loadedKey)
        {
            return;
        }
        await LoadAsync(key);
    }

    private async Task LoadAsync(string key)
    {
        Loading = true;
        Error = null;
        try
        {
            // The page and the counts are independent reads on their own connections.
            var pageTask = Queries.GetPageAsync(Filter, Aborted);
            var facetsTask = Queries.GetFacetsAsync(Filter, cancellationToken: Aborted);
            var axisTask = Queries.GetAxisAsync(Filter, new TimeAxisRequest(LanesByType: LanesByType), Aborted);
            await Task.WhenAll(pageTask, facetsTask, axisTask);
            var (page, facets, axis) = (await pageTask, await facetsTask, await axisTask);
            var lanes = LanesByType;
            AxisMarkup = AxisSvg.Get(axis, (from, to) => UrlOf(Filter with { From = from, To = to }, lanes));
            Axis = axis with { Clusters = [], Events = [] };
            shownIds.Clear();
            cardPages.Clear();
            groups.Reset(facets.Months);
            await AppendCardsAsync(page.Items);
            View = new TimelineView(key, page.Total, facets, page.Ranked);
            NextCursor = page.Next;
            loadedKey = key;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Timeline query failed for {Url}", key);
            Error = Api.OpenDataExtensions.IsDatabaseBusy(e)
                ? "The database is locked by another process (an import or a backup). Try again in a few seconds."
                : "The database did not answer. Try again in a moment; if it keeps failing, remove the filters.";
        }
        finally
        {
            Loading = false;
        }
    }

    private async Task ReloadAsync()
    {
        loadedKey = null;
        View = null;
        await LoadAsync(UrlOf(Filter, LanesByType));
    }

    /// <summary>
    /// The URL of <paramref name="filter"/>, with the axis's lanes by type when <paramref name="lanes"/>, its dates
    /// written in <paramref name="forms"/> (whole days by default).
    /// </summary>
    public static string UrlOf(TimelineFilter filter, bool lanes, DateForms forms = default)
    {
        var url = TimelineUrl.ToUrl(filter, forms);
        return lanes ? $"{url}{(url.Contains('?') ? '&' : '?')}lanes={LanesByTypeValue}" : url;
    }

    /// <summary>The view with other dates (null: open) and lanes, for the axis's links.</summary>
    private string AxisUrl(DateOnly? from, DateOnly? to, bool lanes) => UrlOf(Filter with { From = from, To = to }, lanes);

    private async Task LoadMoreAsync()
    {
        if (NextCursor is null || LoadingMore)
        {
            return;
        }
        LoadingMore = true;
        try
        {
            var page = await Queries.GetPageAsync(Filter with { After = NextCursor }, countTotal: false, Aborted);
            await AppendCardsAsync(page.Items.Where(i => !shownIds.Contains(i.Event.Id)).ToList());
            NextCursor = page.Next;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Loading more events failed");
            Error = "More events could not be loaded. Try again.";
        }
        finally
        {
            LoadingMore = false;
        }
    }

    /// <summary>Adds cards to the list: under their month's heading in a date order, as one more page in relevance order.</summary>
    private async Task AppendCardsAsync(IReadOnlyList<TimelineItem> items)
    {
        items = await Queries.WithSourcesAsync(items, Aborted);
        if (Grouped)
        {
            await groups.AppendAsync(items, run => CardHtml.RenderAsync(run, headingLevel: 4));
        }
        else
        {
            cardPages.Add(await CardHtml.RenderAsync(items));
        }
        shownIds.UnionWith(items.Select(i => i.Event.Id));
    }

    private Task<IReadOnlyList<ActorCount>> SearchActorsAsync(string? text, CancellationToken cancellationToken) =>
        Queries.SearchActorsAsync(text, Filter, cancellationToken: cancellationToken);

    private Task NavigateAsync(TimelineFilter filter)
    {
        Navigation.NavigateTo(UrlOf(filter, LanesByType, dateForms));
        return Task.CompletedTask;
    }

    private void OnTimelineChanged() => _ = InvokeAsync(async () =>
    {
        // New events from an import: reload the first page and the counts of the same view.
        await ReloadAsync();
        StateHasChanged();
    });

    private static string Describe(TimelineFilter filter)
    {
        var parts = new List<string>();
        if (filter.HasSearch)
        {
            parts.Add($"\u201C{filter.Query}\u201D");
        }
        parts.AddRange(filter.Actors);
        parts.AddRange(filter.Types.Select(t => t.Label()));
        if (filter.From is not null || filter.To is not null)
        {
            parts.Add($"{(filter.From is { } f ? TimelineUrl.FormatDate(f) : "…")}–{(filter.To is { } t ? TimelineUrl.FormatDate(t) : "…")}");
        }
        return string.Join(", ", parts);
    }

    protected override void OnDisposed() => Changes.Changed -= OnTimelineChanged;
}

/// <summary>What the timeline page shows for one URL besides its cards: how many events match, and the counts.</summary>
public sealed record TimelineView(string Key, int Total, TimelineFacets Facets, int? Ranked = null);
