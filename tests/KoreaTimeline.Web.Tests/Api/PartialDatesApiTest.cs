using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Api;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Web.Tests.Api;

/// <summary>
/// 400 invented events from 2017 to 2022, one every five days: a day each, but every seventh a range of three weeks
/// (across month and year ends), every eleventh a month and every thirteenth a year, so partial bounds cut through
/// ranges as well as between days.
/// </summary>
public sealed class SpreadEventsAppFactory : TimelineAppFactory
{
    public const int Count = 400;

    protected override bool SeedSample => false;

    /// <summary>Each event's first and last day, by title.</summary>
    public static IReadOnlyDictionary<string, (DateOnly Start, DateOnly End)> Intervals { get; } =
        Enumerable.Range(0, Count).ToDictionary(i => $"Invented event {i}", Interval);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Timeline:RateLimit:PermitPerMinute", "0");
    }

    private static (DateOnly Start, DateOnly End) Interval(int i)
    {
        var day = new DateOnly(2017, 1, 1).AddDays(5 * i);
        return (i % 13, i % 11, i % 7) switch
        {
            (0, _, _) => (new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31)),
            (_, 0, _) => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month))),
            (_, _, 0) => (day, day.AddDays(20)),
            _ => (day, day),
        };
    }

    private static DatePrecision PrecisionOf(int i) =>
        i % 13 == 0 ? DatePrecision.Year : i % 11 == 0 ? DatePrecision.Month : i % 7 == 0 ? DatePrecision.Range : DatePrecision.Day;

    protected override async Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var actor = new Actor { Slug = "invented-state", Name = "Invented State", Kind = "country" };
        var lines = Enumerable.Range(0, Count).Select(i => $"Invented event {i} was reported.").ToList();
        var article = new Article
        {
            Source = "invented/spread.txt", Title = "Invented events over six years", Outlet = "Invented Wire", Published = new DateOnly(2023, 1, 1),
            PublishedSource = "given", ContentHash = new string('3', 64), Text = string.Join('\n', lines), ExtractorVersion = "test",
            ImportedAt = DateTimeOffset.UnixEpoch,
        };
        var offset = 0;
        for (var i = 0; i < Count; i++)
        {
            var (start, end) = Interval(i);
            var e = new Event
            {
                Title = $"Invented event {i}", Slug = $"invented-event-{i}", Type = i % 2 == 0 ? EventType.Exercise : EventType.MissileTest,
                Start = start, End = end, Precision = PrecisionOf(i), Confidence = 0.5, Actors = [new EventActor { Actor = actor }],
            };
            e.Evidence.Add(new Evidence { Article = article, Start = offset, End = offset + lines[i].Length, Text = lines[i] });
            offset += lines[i].Length + 1;
            db.Events.Add(e);
        }
        await db.SaveChangesAsync();
    }
}

/// <summary>
/// The API and the exports read <c>from</c> and <c>to</c> as the page does: a year, a month or a day, a partial
/// <c>from</c> meaning its first day and a partial <c>to</c> its last; anything else is a 400 naming the parameter.
/// </summary>
public sealed class PartialDatesApiTest(SpreadEventsAppFactory app) : IClassFixture<SpreadEventsAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>The titles of the events whose interval overlaps [first, last], sorted.</summary>
    private static List<string> Overlapping(DateOnly first, DateOnly last) =>
        SpreadEventsAppFactory.Intervals.Where(p => p.Value.End >= first && p.Value.Start <= last).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every event of the view, following the cursor.</summary>
    private async Task<List<ApiEvent>> GetAllAsync(string query)
    {
        using var client = app.CreateClient();
        var events = new List<ApiEvent>();
        string? url = "/api/events" + query + "&limit=50";
        while (url is not null)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute), Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<ApiEventPage>(Json, Cancellation))!;
            events.AddRange(page.Items);
            url = page.NextUrl;
        }
        return events;
    }

    [Theory]
    [InlineData("?from=2019&to=2019-06", "2019-01-01", "2019-06-30")]
    [InlineData("?from=2019&to=2019", "2019-01-01", "2019-12-31")]
    [InlineData("?from=2020-02&to=2020-02", "2020-02-01", "2020-02-29")]
    [InlineData("?from=2018-12&to=2019-01-15", "2018-12-01", "2019-01-15")]
    [InlineData("?from=2018-06-15&to=2018", "2018-06-15", "2018-12-31")]
    [InlineData("?from=2021/3&to=2021.4", "2021-03-01", "2021-04-30")]
    [InlineData("?from=2022&to=2030", "2022-01-01", "2030-12-31")]
    public async Task Events_of_a_partial_range_are_those_overlapping_its_whole_periods(string query, string first, string last)
    {
        var from = DateOnly.Parse(first, CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(last, CultureInfo.InvariantCulture);

        var events = await GetAllAsync(query);

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.EndDate >= from && e.Date <= to, $"{e.Title} ({e.Date}..{e.EndDate}) lies in {first}..{last}"));
        Assert.Equal(Overlapping(from, to), events.Select(e => e.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_year_is_the_same_view_as_its_first_and_last_days()
    {
        var partial = await GetAllAsync("?from=2019&to=2020-06");
        var days = await GetAllAsync("?from=2019-01-01&to=2020-06-30");

        Assert.True(partial.Count > 50, "several pages");
        Assert.Equal(days.Select(e => e.Id), partial.Select(e => e.Id));
    }

    [Fact]
    public async Task Csv_and_json_exports_take_partial_dates()
    {
        using var client = app.CreateClient();
        var csvBody = await client.GetStringAsync(new Uri("/export/csv?from=2020-02&to=2020&sort=date-asc", UriKind.Relative), Cancellation);
        var jsonBody = await client.GetStringAsync(new Uri("/export/json?from=2018&to=2018-03", UriKind.Relative), Cancellation);

        using var csv = new CsvReader(new StringReader(csvBody), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var (csvFrom, csvTo) = (new DateOnly(2020, 2, 1), new DateOnly(2020, 12, 31));
        Assert.All(rows, r => Assert.True(
            DateOnly.Parse((string)r["end_date"], CultureInfo.InvariantCulture) >= csvFrom && DateOnly.Parse((string)r["date"], CultureInfo.InvariantCulture) <= csvTo,
            $"{r["title"]} lies in February to December 2020"));
        Assert.Equal(Overlapping(csvFrom, csvTo), rows.Select(r => (string)r["title"]).Order(StringComparer.Ordinal));

        using var doc = JsonDocument.Parse(jsonBody);
        var titles = doc.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("title").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Overlapping(new DateOnly(2018, 1, 1), new DateOnly(2018, 3, 31)), titles);
        Assert.Equal(titles.Count, doc.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/events?from=2019-13", "from", "2019-13")]
    [InlineData("/api/events?to=2019-02-30", "to", "2019-02-30")]
    [InlineData("/api/events?from=19", "from", "19")]
    [InlineData("/api/events?from=2019-06-15T00:00", "from", "2019-06-15T00:00")]
    [InlineData("/api/actors?to=June+2019", "to", "June 2019")]
    [InlineData("/api/types?from=2019-6-", "from", "2019-6-")]
    [InlineData("/export/csv?from=2019&to=last+year", "to", "last year")]
    [InlineData("/export/json?from=0999", "from", "0999")]
    public async Task A_bad_date_is_a_400_naming_the_parameter_and_the_accepted_forms(string path, string parameter, string value)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name));
        var message = Assert.Single(errors.GetProperty(parameter).EnumerateArray()).GetString();
        Assert.Equal($"{parameter}: '{value}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019, 2019-06 or 2019-06-15.", message);
    }

    [Theory]
    [InlineData("/api/events?from=2020&to=2019-12", "to: '2019-12' ends on 2019-12-31, before from: '2020' starts on 2020-01-01.")]
    [InlineData("/export/csv?from=2019-07&to=2019-06-30", "to: '2019-06-30' ends on 2019-06-30, before from: '2019-07' starts on 2019-07-01.")]
    public async Task A_to_before_the_from_is_a_400_giving_both_days(string path, string expected)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(expected, Assert.Single(problem.RootElement.GetProperty("errors").GetProperty("to").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task The_same_month_in_from_and_to_is_that_month_and_not_an_error()
    {
        var events = await GetAllAsync("?from=2019-06&to=2019-06");

        Assert.Equal(Overlapping(new DateOnly(2019, 6, 1), new DateOnly(2019, 6, 30)), events.Select(e => e.Title).Order(StringComparer.Ordinal));
    }
}
