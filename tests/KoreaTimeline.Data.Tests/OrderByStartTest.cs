using KoreaTimeline.Data.Queries;

namespace KoreaTimeline.Data.Tests;

/// <summary>
/// The (Start, Id) order the permalinks' neighbours walk is a counting or radix sort over the start day; it must be the
/// order a plain sort of (start, position) keys gives, ties (same day) in position, that is id, order.
/// </summary>
public class OrderByStartTest
{
    private static readonly int MinDay = DateOnly.MinValue.DayNumber;
    private static readonly int MaxDay = DateOnly.MaxValue.DayNumber;

    private static int[] PlainSort(int[] starts) =>
        Enumerable.Range(0, starts.Length).OrderBy(i => starts[i]).ThenBy(i => i).ToArray();

    public static TheoryData<int, int, int, int> Cases => new()
    {
        // seed, events, first day, days spanned: one counting pass
        { 1, 500, new DateOnly(1950, 1, 1).DayNumber, 365 * 77 },
        // few days, many ties
        { 2, 3_000, new DateOnly(2020, 1, 1).DayNumber, 10 },
        // every day of the calendar: the radix passes
        { 3, 2_000, MinDay, MaxDay - MinDay + 1 },
        { 4, 700, new DateOnly(1800, 1, 1).DayNumber, 365 * 400 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_order_is_a_plain_sort_of_start_then_id(int seed, int count, int firstDay, int days)
    {
        var random = new Random(seed);
        var starts = new int[count];
        for (var i = 0; i < count; i++)
        {
            // A third of the events repeat an earlier one's day (ties); the extremes of the range appear too.
            starts[i] = i > 0 && random.Next(3) == 0 ? starts[random.Next(i)] : firstDay + random.Next(days);
        }
        starts[random.Next(count)] = firstDay;
        starts[random.Next(count)] = firstDay + days - 1;

        Assert.Equal(PlainSort(starts), FacetIndex.OrderByStart(starts));
    }

    [Fact]
    public void Extreme_dates_and_empty_input_sort()
    {
        int[] starts = [MaxDay, MinDay, 0, MaxDay, MinDay, new DateOnly(2026, 12, 5).DayNumber, MaxDay - 1, 1];
        Assert.Equal(PlainSort(starts), FacetIndex.OrderByStart(starts));
        Assert.Empty(FacetIndex.OrderByStart([]));
        Assert.Equal([0], FacetIndex.OrderByStart([MaxDay]));
    }

    [Fact]
    public void Negative_and_wide_ranges_sort_too()
    {
        var random = new Random(5);
        var starts = Enumerable.Range(0, 1_000).Select(_ => random.Next(int.MinValue, int.MaxValue)).ToArray();
        starts[10] = int.MinValue;
        starts[20] = int.MaxValue;
        starts[30] = starts[40];
        Assert.Equal(PlainSort(starts), FacetIndex.OrderByStart(starts));
    }
}
