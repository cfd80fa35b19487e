using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;

namespace KoreaTimeline.Web.Components.Timeline;

/// <summary>
/// A time axis (<see cref="TimeAxisData"/>) as SVG markup: proportional time, calendar ticks, clusters of dense slices
/// with their counts (each a link that zooms into its slice), and the events of sparse slices one by one: a point for
/// a day, a bar for a range, dashed and pale when the date is approximate ("late 2020", "Feb 2019"), each a link to its
/// event. Horizontal positions are percentages of the width (no viewBox), so text and points keep their size at any
/// width and the same markup serves a phone and a desktop. One string per view, shared by every circuit that shows
/// it (memory per circuit), cached by a hash of its data and links.
/// </summary>
public sealed class TimeAxisSvg : IDisposable
{
    /// <summary>The most characters of SVG kept (8 M).</summary>
    public const long MaxCachedChars = 8 * 1024 * 1024;

    /// <summary>Height of the tick label row.</summary>
    public const int LabelRow = 18;

    /// <summary>Height of the one lane of all events.</summary>
    public const int SingleLaneHeight = 76;

    /// <summary>Height of a lane of one event type.</summary>
    public const int TypeLaneHeight = 30;

    /// <summary>Height of a lane of one actor (a comparison): room for its name and two rows of events.</summary>
    public const int ActorLaneHeight = 48;

    private const int RowStep = 13;
    private const double PointWidth = 0.006;
    private const double RowGap = 0.014;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxCachedChars });

    /// <summary>
    /// The SVG of <paramref name="data"/>, whose clusters link to <paramref name="rangeUrl"/> of their slice; the same
    /// string for the same data and links.
    /// </summary>
    public MarkupString Get(TimeAxisData data, Func<DateOnly, DateOnly, string> rangeUrl)
    {
        // The links of the first cluster stand for all of them: they differ only by the slice.
        var probe = rangeUrl(new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 31));
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(probe + "\u001f" + JsonSerializer.Serialize(data))));
        if (cache.TryGetValue(key, out string? cached) && cached is not null)
        {
            return new MarkupString(cached);
        }
        var svg = Render(data, rangeUrl);
        cache.Set(key, svg, new MemoryCacheEntryOptions { Size = svg.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return new MarkupString(svg);
    }

    /// <summary>Height of the SVG of <paramref name="data"/>, in pixels.</summary>
    public static int Height(TimeAxisData data) => LabelRow + LaneHeight(data) * Math.Max(1, data.Lanes.Count) + 4;

    private static int LaneHeight(TimeAxisData data) => data.Lanes switch
    {
        [{ Actor: not null }, ..] => ActorLaneHeight,
        [{ Type: not null }, ..] => TypeLaneHeight,
        _ => SingleLaneHeight,
    };

    /// <summary>The SVG markup of <paramref name="data"/>.</summary>
    public static string Render(TimeAxisData data, Func<DateOnly, DateOnly, string> rangeUrl)
    {
        var scale = data.Scale;
        var laneHeight = LaneHeight(data);
        var height = Height(data);
        var sb = new StringBuilder(4096 + 400 * (data.Clusters.Count + data.Events.Count));
        sb.Append("<svg class=\"time-axis-svg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"").Append(height)
            .Append("\" data-from=\"").Append(Iso(scale.From)).Append("\" data-to=\"").Append(Iso(scale.To))
            .Append("\" data-unit=\"").Append(scale.Unit.ToString().ToLowerInvariant()).Append("\" aria-hidden=\"true\" focusable=\"false\">");
        sb.Append("<g class=\"axis-plot\">");

        // Lanes: a band each, its type as a label.
        for (var lane = 0; lane < data.Lanes.Count; lane++)
        {
            var top = LabelRow + lane * laneHeight;
            sb.Append("<rect class=\"axis-lane").Append(lane % 2 == 1 ? " alt" : "").Append("\" x=\"0\" y=\"").Append(top)
                .Append("\" width=\"100%\" height=\"").Append(laneHeight).Append("\"/>");
        }

        // Ticks: a line and a label at each calendar boundary of the label unit.
        var ticks = Ticks(scale);
        for (var i = 0; i < ticks.Count; i++)
        {
            var (day, label, major) = ticks[i];
            var x = Percent(scale, day.DayNumber);
            sb.Append("<line class=\"axis-tick").Append(major ? " major" : "").Append("\" x1=\"").Append(x).Append("%\" x2=\"").Append(x)
                .Append("%\" y1=\"").Append(LabelRow - 4).Append("\" y2=\"").Append(height).Append("\"/>");
            sb.Append("<text class=\"axis-label").Append(i % 2 == 1 ? " alt" : "").Append(major ? " major" : "").Append("\" x=\"").Append(x)
                .Append("%\" y=\"12\" dx=\"3\">").Append(label).Append("</text>");
        }

        for (var lane = 0; lane < data.Lanes.Count; lane++)
        {
            if (data.Lanes[lane].Label is { } laneLabel)
            {
                sb.Append("<text class=\"axis-lane-label\" x=\"4\" y=\"").Append(LabelRow + lane * laneHeight + 11).Append("\">")
                    .Append(HtmlEncoder.Default.Encode(laneLabel)).Append("</text>");
            }
        }

        // Clusters: a bar per dense slice, its height the square root of its share of the busiest, the count above.
        var max = data.Clusters.Count == 0 ? 1 : data.Clusters.Max(c => c.Count);
        var barRoom = laneHeight - 20;
        foreach (var cluster in data.Clusters)
        {
            var bottom = LabelRow + (cluster.Lane + 1) * laneHeight - 2;
            var x0 = Fraction(scale, cluster.From.DayNumber);
            var x1 = Fraction(scale, cluster.To.DayNumber + 1);
            var barHeight = Math.Max(5, (int)Math.Round(barRoom * Math.Sqrt((double)cluster.Count / max)));
            var label = $"{DateDisplay.Format(cluster.From, cluster.To, DatePrecision.Range)}: {cluster.Count.ToString("N0", Invariant)} events";
            sb.Append("<a class=\"axis-cluster\" href=\"").Append(HtmlEncoder.Default.Encode(rangeUrl(cluster.From, cluster.To)))
                .Append("\" tabindex=\"-1\" data-from=\"").Append(Iso(cluster.From)).Append("\" data-to=\"").Append(Iso(cluster.To)).Append("\">")
                .Append("<title>").Append(HtmlEncoder.Default.Encode(label)).Append(" (zoom in)</title>")
                .Append("<rect x=\"").Append(Num(x0 * 100 + 0.08)).Append("%\" y=\"").Append(bottom - barHeight)
                .Append("\" width=\"").Append(Num(Math.Max(0.1, (x1 - x0) * 100 - 0.16))).Append("%\" height=\"").Append(barHeight).Append("\" rx=\"2\"/>")
                .Append("<text class=\"axis-count\" x=\"").Append(Num((x0 + x1) * 50)).Append("%\" y=\"").Append(bottom - barHeight - 3)
                .Append("\" text-anchor=\"middle\">").Append(ShortCount(cluster.Count)).Append("</text></a>");
        }

        // Events one by one, stacked in rows where they would overlap.
        var rowsPerLane = Math.Max(1, (laneHeight - 8) / RowStep);
        var rowEnds = new Dictionary<(int Lane, int Row), double>();
        foreach (var e in data.Events)
        {
            var x0 = Math.Max(0, Fraction(scale, e.Start.DayNumber));
            var x1 = Math.Min(1, Fraction(scale, e.End.DayNumber + 1));
            // A day is a point at any zoom; a range is a bar unless it is too short to see.
            var point = (e.Start == e.End && e.Precision == DatePrecision.Day) || x1 - x0 < PointWidth;
            var (left, right) = point ? ((x0 + x1) / 2 - PointWidth / 2, (x0 + x1) / 2 + PointWidth / 2) : (x0, x1);
            var row = 0;
            while (row < rowsPerLane - 1 && rowEnds.TryGetValue((e.Lane, row), out var end) && end + RowGap > left)
            {
                row++;
            }
            rowEnds[(e.Lane, row)] = Math.Max(right, rowEnds.GetValueOrDefault((e.Lane, row), double.MinValue));
            var y = LabelRow + (e.Lane + 1) * laneHeight - 8 - row * RowStep;
            var approximate = e.Precision is not (DatePrecision.Day or DatePrecision.Range);
            var kind = point ? "point" : "range";
            var label = $"{DateDisplay.Format(e.Start, e.End, e.Precision)}{(approximate ? $" ({e.Precision.Id()} precision)" : "")}: {e.Title}";
            sb.Append("<a class=\"axis-event ").Append(kind).Append(approximate ? " approx" : "").Append("\" href=\"")
                .Append(HtmlEncoder.Default.Encode(e.Permalink)).Append("\" tabindex=\"-1\" data-event-id=\"").Append(e.Id).Append("\">")
                .Append("<title>").Append(HtmlEncoder.Default.Encode(label)).Append("</title>");
            if (point)
            {
                sb.Append("<circle cx=\"").Append(Num((x0 + x1) * 50)).Append("%\" cy=\"").Append(y).Append("\" r=\"5\"/>");
            }
            else
            {
                sb.Append("<rect x=\"").Append(Num(x0 * 100)).Append("%\" y=\"").Append(y - 4).Append("\" width=\"").Append(Num((x1 - x0) * 100))
                    .Append("%\" height=\"8\" rx=\"4\"/>");
            }
            sb.Append("</a>");
        }
        sb.Append("</g></svg>");
        return sb.ToString();
    }

    /// <summary>
    /// The labelled boundaries of a scale, one calendar unit coarser than its slices (years over months, decades over
    /// years), each with its label and whether it starts a larger unit (a year among months, a month among days).
    /// </summary>
    public static List<(DateOnly Day, string Label, bool Major)> Ticks(AxisScale scale)
    {
        var ticks = new List<(DateOnly, string, bool)>();
        var (unit, step) = scale.Unit switch
        {
            AxisUnit.Day => (AxisUnit.Day, scale.Days <= 16 ? 1 : 7),
            AxisUnit.Week when scale.Days <= 100 => (AxisUnit.Day, 7),
            AxisUnit.Week => (AxisUnit.Month, 1),
            AxisUnit.Month => (AxisUnit.Month, scale.Bins <= 14 ? 1 : 3),
            AxisUnit.Quarter => (AxisUnit.Year, 1),
            AxisUnit.Year => (AxisUnit.Year, scale.Bins <= 16 ? 1 : 5),
            AxisUnit.FiveYears => (AxisUnit.Year, scale.Bins <= 20 ? 10 : 25),
            _ => (AxisUnit.Year, scale.Bins <= 20 ? 50 : 100),
        };
        // Years near 9999 end the walk (the calendar ends there).
        for (var day = AxisScale.Floor(scale.From, unit == AxisUnit.Day ? AxisUnit.Month : unit); day <= scale.To && day.Year < 9980; day = AxisScale.Next(day, unit))
        {
            if (day < scale.From || !OnStep(day, unit, step))
            {
                continue;
            }
            ticks.Add(unit switch
            {
                AxisUnit.Day => (day, day.Day == 1 ? day.ToString("MMM yyyy", Invariant) : day.ToString("d MMM", Invariant), day.Day == 1),
                AxisUnit.Month => (day, day.Month == 1 ? day.Year.ToString(Invariant) : day.ToString("MMM", Invariant), day.Month == 1),
                _ => (day, day.Year.ToString(Invariant), day.Year % (step * 2) == 0),
            });
        }
        return ticks;
    }

    private static bool OnStep(DateOnly day, AxisUnit unit, int step) => unit switch
    {
        AxisUnit.Day => step == 1 || day.Day is 1 or 8 or 15 or 22,
        AxisUnit.Month => (day.Month - 1) % step == 0,
        _ => day.Year % step == 0,
    };

    /// <summary>"7", "1,234", "12k": a count that fits a slice.</summary>
    public static string ShortCount(int count) => count < 10_000
        ? count.ToString("N0", Invariant)
        : (count / 1000).ToString(Invariant) + "k";

    private static double Fraction(AxisScale scale, int dayNumber) => (dayNumber - (double)scale.From.DayNumber) / scale.Days;

    private static string Percent(AxisScale scale, int dayNumber) => Num(Fraction(scale, dayNumber) * 100);

    private static string Num(double value) => value.ToString("0.###", Invariant);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    public void Dispose() => cache.Dispose();
}
