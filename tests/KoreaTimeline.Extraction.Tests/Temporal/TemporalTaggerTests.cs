using System.Globalization;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Extraction.Tests.Temporal;

public sealed class TemporalTaggerTests
{
    public static TheoryData<string> Absolute => Lines(TemporalCases.Absolute);
    public static TheoryData<string> Deictic => Lines(TemporalCases.Deictic);
    public static TheoryData<string> Anaphoric => Lines(TemporalCases.Anaphoric);
    public static TheoryData<string> Fuzzy => Lines(TemporalCases.Fuzzy);
    public static TheoryData<string> Ranges => Lines(TemporalCases.Ranges);
    public static TheoryData<string> Durations => Lines(TemporalCases.Durations);
    public static TheoryData<string> NamedPeriods => Lines(TemporalCases.NamedPeriods);
    public static TheoryData<string> Negatives => Lines(TemporalCases.Negatives);

    [Theory, MemberData(nameof(Absolute))]
    public void Absolute_dates(string line) => Check(line);

    [Theory, MemberData(nameof(Deictic))]
    public void Deictic_expressions_resolve_against_the_reference_date(string line) => Check(line);

    [Theory, MemberData(nameof(Anaphoric))]
    public void Anaphoric_expressions_resolve_against_the_narrative_time(string line) => Check(line);

    [Theory, MemberData(nameof(Fuzzy))]
    public void Fuzzy_expressions(string line) => Check(line);

    [Theory, MemberData(nameof(Ranges))]
    public void Ranges_and_coordinations(string line) => Check(line);

    [Theory, MemberData(nameof(Durations))]
    public void Durations_and_sets(string line) => Check(line);

    [Theory, MemberData(nameof(NamedPeriods))]
    public void Named_periods(string line) => Check(line);

    [Theory, MemberData(nameof(Negatives))]
    public void Negatives_are_not_dates(string text)
    {
        var trace = new TemporalTraceLog();
        var found = TemporalTagger.Default.Tag(text, new DateOnly(2025, 3, 2), trace);
        Assert.True(found.Count == 0, $"found {string.Join(", ", found.Select(f => $"\"{f.Text}\" {f.Value}"))}\n{trace}");
    }

    [Fact]
    public void Signal_words_are_kept_apart_from_the_extent()
    {
        var found = TemporalTagger.Default.Tag("This is the first time since June last year.", new DateOnly(2025, 3, 2));
        var e = Assert.Single(found);
        Assert.Equal("June last year", e.Text);
        Assert.Equal("since", e.Signal);
    }

    [Fact]
    public void Since_dates_an_ongoing_state_up_to_the_reference_date()
    {
        var e = Assert.Single(TemporalTagger.Default.Tag("Tensions have risen since June last year.", new DateOnly(2025, 3, 2)));
        Assert.Equal(new DateInterval(new DateOnly(2024, 6, 1), new DateOnly(2025, 3, 2), DatePrecision.Range), e.StateInterval(new DateOnly(2025, 3, 2)));
    }

    [Fact]
    public void Tagger_is_thread_safe()
    {
        const string text = "Last Friday, two days after the talks of March 3, 2024, the North fired; the next day it fired again.";
        var expected = TemporalTagger.Default.Tag(text, new DateOnly(2025, 3, 2));
        Parallel.For(0, 200, new ParallelOptions { CancellationToken = TestContext.Current.CancellationToken }, _ =>
            Assert.Equal(expected, TemporalTagger.Default.Tag(text, new DateOnly(2025, 3, 2))));
    }

    [Fact]
    public void Results_are_ordered_and_offsets_index_the_text()
    {
        const string text = "On Sunday, March 2nd, a carrier arrived. Last Friday, the North fired. It was the first time since June last year.";
        var found = TemporalTagger.Default.Tag(text, new DateOnly(2025, 3, 2));
        Assert.Equal(3, found.Count);
        Assert.True(found.Zip(found.Skip(1)).All(p => p.First.Start <= p.Second.Start));
        Assert.All(found, f => Assert.Equal(f.Text, text[f.Start..f.End]));
    }

    internal static TheoryData<string> Lines(string table)
    {
        var data = new TheoryData<string>();
        foreach (var line in table.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            data.Add(line);
        }

        return data;
    }

    /// <summary>Runs one case line; on failure the message carries the pipeline's trace.</summary>
    private static void Check(string line)
    {
        var f = line.Split(" | ");
        Assert.True(f.Length == 5, $"malformed case: {line}");
        var (text, reference, extent, timex, interval) = (f[0], DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), f[2], f[3], f[4]);
        var trace = new TemporalTraceLog();
        var found = TemporalTagger.Default.Tag(text, reference, trace);
        var start = text.IndexOf(extent, StringComparison.Ordinal);
        var all = string.Join("; ", found.Select(Describe));
        var hit = found.FirstOrDefault(e => e.Start == start && e.Text == extent);
        Assert.True(hit is not null, $"\"{extent}\" not found in \"{text}\"; found: {all}\n{trace}");
        var actual = $"{hit.Type.ToString().ToUpperInvariant()} {hit.Value}{(hit.Mod is null ? "" : " " + hit.Mod)}";
        Assert.True(actual == timex, $"\"{extent}\": expected {timex}, got {actual}\n{trace}");
        var actualInterval = hit.Interval is { } iv
            ? $"{iv.Start:yyyy-MM-dd}..{iv.End:yyyy-MM-dd} {iv.Precision.Id()}"
            : "-";
        Assert.True(actualInterval == interval, $"\"{extent}\": expected interval {interval}, got {actualInterval}\n{trace}");
    }

    private static string Describe(TemporalExpression e) =>
        $"\"{e.Text}\"@{e.Start} {e.Type} {e.Value} {e.Mod} {e.Interval?.Start:yyyy-MM-dd}..{e.Interval?.End:yyyy-MM-dd}";
}
