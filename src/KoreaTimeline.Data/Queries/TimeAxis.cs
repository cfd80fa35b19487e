using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Data.Queries;

/// <summary>What a time axis asks for: when a slice of the view is drawn event by event, and its lanes.</summary>
/// <param name="PerBin">A slice (<see cref="AxisScale"/>) of a lane with at most this many events shows them one by one,
/// else as one cluster with its count.</param>
/// <param name="LanesByType">One lane per event type instead of one lane for all.</param>
/// <param name="LaneActors">Actor slugs: one lane per actor (in this order) holding the view's events that involve it,
/// the view then being the events that involve any of them (an event of two of them is drawn in both lanes); takes
/// precedence over <paramref name="LanesByType"/>.</param>
public sealed record TimeAxisRequest(int PerBin = 3, bool LanesByType = false, IReadOnlyList<string>? LaneActors = null);

/// <summary>An event drawn on its own: a point for one day, a bar for a range, its precision visible.</summary>
public sealed record AxisEvent(int Id, string Title, string Slug, EventType Type, DateOnly Start, DateOnly End, DatePrecision Precision, int Lane)
{
    /// <summary>The permalink path of the event.</summary>
    public string Permalink => $"/events/{Id}/{Slug}";
}

/// <summary>Events of one slice of one lane drawn as one mark with their count (they spread out when zoomed into).</summary>
/// <param name="From">The slice's first day (within the view).</param>
/// <param name="To">The slice's last day (within the view).</param>
public sealed record AxisCluster(int Lane, DateOnly From, DateOnly To, int Count);

/// <summary>A row of the axis: every event (<see cref="Type"/> and <see cref="Actor"/> null), the events of one type, or
/// those of one actor.</summary>
public sealed record AxisLane(EventType? Type, int Count, ActorSummary? Actor = null)
{
    /// <summary>What the lane holds, as its label says it; null for the one lane of all events.</summary>
    public string? Label => Actor?.Name ?? Type?.Label();
}

/// <summary>
/// The events of a view laid out in time: the shown interval (the view's dates, else the events' extent), the total in
/// it, lanes, clusters of dense slices and the events of sparse slices. Never one mark per event when thousands are in
/// view: at most <see cref="AxisScale.MaxBins"/> × lanes × <see cref="TimeAxisRequest.PerBin"/> events and as many
/// clusters.
/// </summary>
/// <param name="Scale">The view's interval and its calendar slices.</param>
/// <param name="Peak">The busiest slice of the view (first day, last day, count); null without events.</param>
public sealed record TimeAxisData(
    AxisScale Scale,
    int Total,
    IReadOnlyList<AxisLane> Lanes,
    IReadOnlyList<AxisCluster> Clusters,
    IReadOnlyList<AxisEvent> Events,
    (DateOnly From, DateOnly To, int Count)? Peak)
{
    /// <summary>The first day shown.</summary>
    public DateOnly From => Scale.From;

    /// <summary>The last day shown.</summary>
    public DateOnly To => Scale.To;

    /// <summary>An axis without events (an empty view).</summary>
    public static TimeAxisData Empty(DateOnly from, DateOnly to) => new(AxisScale.For(from, to), 0, [], [], [], null);
}

/// <summary>How the facet index bins a view: counts per lane and slice, and the positions of events in sparse slices.</summary>
internal sealed record AxisBinning(int[] LaneTypes, int[,] Counts, List<(int Position, int Lane)> Shown)
{
    /// <summary>The actor id of each lane when lanes are by actor; null otherwise.</summary>
    public int[]? LaneActors { get; init; }
}



/// <summary>Calendar units of a time axis, finest first.</summary>
public enum AxisUnit
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
    FiveYears,
    Decade,
}

/// <summary>
/// The interval an axis shows and how it is cut into calendar slices: days, weeks (from Monday), months, quarters, years, five years or
/// decades, the finest unit that gives at most <see cref="MaxBins"/> slices, so a cluster is "March 2019" or "1953",
/// never an arbitrary stretch, and zooming into it shows the next unit down. The first and last slices are cut to the view.
/// </summary>
public sealed record AxisScale
{
    /// <summary>The most slices of a view: a cluster's count must fit its slice on a desktop-wide axis.</summary>
    public const int MaxBins = 45;

    /// <summary>The shortest view, in days.</summary>
    public const int MinDays = 7;

    private AxisScale(DateOnly from, DateOnly to, AxisUnit unit, int[] boundaries)
    {
        From = from;
        To = to;
        Unit = unit;
        Boundaries = boundaries;
    }

    /// <summary>The first day shown.</summary>
    public DateOnly From { get; }

    /// <summary>The last day shown.</summary>
    public DateOnly To { get; }

    /// <summary>The calendar unit of a slice.</summary>
    public AxisUnit Unit { get; }

    /// <summary>Day numbers where slices start, then the day after <see cref="To"/>: slice i is [b[i], b[i + 1]).</summary>
    public IReadOnlyList<int> Boundaries { get; }

    /// <summary>How many slices.</summary>
    public int Bins => Boundaries.Count - 1;

    /// <summary>Days shown.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The first and last day of slice <paramref name="bin"/>.</summary>
    public (DateOnly From, DateOnly To) Slice(int bin) =>
        (DateOnly.FromDayNumber(Boundaries[bin]), DateOnly.FromDayNumber(Boundaries[bin + 1] - 1));

    /// <summary>The slice of day number <paramref name="day"/> (the first for days before the view, the last after it).</summary>
    public int BinOf(int day)
    {
        var list = (int[])Boundaries;
        var i = Array.BinarySearch(list, day);
        var bin = i >= 0 ? i : ~i - 1;
        return Math.Clamp(bin, 0, list.Length - 2);
    }

    /// <summary>The scale of [<paramref name="from"/>, <paramref name="to"/>] (swapped when reversed).</summary>
    public static AxisScale For(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            (from, to) = (to, from);
        }
        foreach (var unit in Enum.GetValues<AxisUnit>())
        {
            if (Cut(from, to, unit) is { } boundaries)
            {
                return new AxisScale(from, to, unit, boundaries);
            }
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The first day of the unit holding <paramref name="day"/>.</summary>
    public static DateOnly Floor(DateOnly day, AxisUnit unit) => unit switch
    {
        AxisUnit.Day => day,
        AxisUnit.Week => DateOnly.FromDayNumber(day.DayNumber - day.DayNumber % 7),
        AxisUnit.Month => new DateOnly(day.Year, day.Month, 1),
        AxisUnit.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        AxisUnit.Year => new DateOnly(day.Year, 1, 1),
        AxisUnit.FiveYears => new DateOnly(Math.Max(1, day.Year / 5 * 5), 1, 1),
        _ => new DateOnly(Math.Max(1, day.Year / 10 * 10), 1, 1),
    };

    /// <summary>The first day of the unit after the one starting <paramref name="start"/>.</summary>
    public static DateOnly Next(DateOnly start, AxisUnit unit) => start.Year >= 9980 ? DateOnly.MaxValue : unit switch
    {
        AxisUnit.Day => start.AddDays(1),
        AxisUnit.Week => start.AddDays(7),
        AxisUnit.Month => start.AddMonths(1),
        AxisUnit.Quarter => start.AddMonths(3),
        AxisUnit.Year => start.AddYears(1),
        AxisUnit.FiveYears => start.AddYears(5),
        _ => start.AddYears(10),
    };

    /// <summary>The slice boundaries in <paramref name="unit"/>; null when more than <see cref="MaxBins"/> (decades: never,
    /// the last slice then runs to the end).</summary>
    private static int[]? Cut(DateOnly from, DateOnly to, AxisUnit unit)
    {
        var boundaries = new List<int> { from.DayNumber };
        // Years near 9999 stop the walk (the calendar ends there); the last slice then runs to the end.
        for (var start = Next(Floor(from, unit), unit); start <= to && start.Year < 9980; start = Next(start, unit))
        {
            if (boundaries.Count == MaxBins)
            {
                if (unit != AxisUnit.Decade)
                {
                    return null;
                }
                break;
            }
            boundaries.Add(start.DayNumber);
        }
        boundaries.Add(to.DayNumber + 1);
        return [.. boundaries];
    }
}
