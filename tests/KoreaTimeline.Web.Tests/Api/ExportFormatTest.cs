using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CsvHelper;
using Calendar = Ical.Net.Calendar;
using Json.Schema;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Api;
using KoreaTimeline.Web.Tests.Infrastructure;

using KoreaTimeline.Tests.Shared;

namespace KoreaTimeline.Web.Tests.Api;

/// <summary>Each export parsed back with a real parser and compared with the database.</summary>
public class ExportFormatTest(OpenDataAppFactory app) : IClassFixture<OpenDataAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsStringAsync(Cancellation));
    }

    /// <summary>The stored events a view shows, newest first.</summary>
    private List<Event> Expected(Func<InventedTimeline.Spec, bool> predicate) =>
        InventedTimeline.Specs.Where(predicate).Select(s => app.Events.Single(e => e.Title == s.Title))
            .OrderByDescending(e => e.Start).ThenByDescending(e => e.Id).ToList();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Csv_has_one_row_per_event_with_actors_and_sources_joined()
    {
        var (response, body) = await GetAsync("/export/csv?actor=north-korea");
        using var _ = response;

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("false", response.Headers.GetValues("X-Export-Truncated").Single());
        using var csv = new CsvReader(new StringReader(body), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var expected = Expected(s => s.Actors.Contains("north-korea"));
        Assert.Equal(expected.Select(e => e.Id.ToString(CultureInfo.InvariantCulture)), rows.Select(r => (string)r["id"]));
        Assert.Equal(CsvExport.Columns, rows[0].Keys);
        foreach (var (e, row) in expected.Zip(rows))
        {
            var spec = InventedTimeline.Specs.Single(s => s.Title == e.Title);
            Assert.Equal(e.Title, row["title"]);
            Assert.Equal($"http://localhost/events/{e.Id}/{e.Slug}", row["url"]);
            Assert.Equal(e.Type.Id(), row["type"]);
            Assert.Equal(Iso(e.Start), row["date"]);
            Assert.Equal(Iso(e.End), row["end_date"]);
            Assert.Equal(e.Precision.Id(), row["precision"]);
            Assert.Equal(e.Location ?? "", row["location"]);
            Assert.Equal(string.Join("; ", spec.Actors.Select(a => InventedTimeline.ActorNames[a]).Order(StringComparer.Ordinal)), row["actors"]);
            Assert.Equal(spec.Quote, row["quote"]);
            Assert.Equal("Invented Wire, An invented article for filter tests, 2023-01-01", row["sources"]);
        }
    }

    [Fact]
    public async Task Json_has_plover_style_fields_with_codes_precision_quote_and_citation()
    {
        var (response, body) = await GetAsync("/export/json?type=summit&type=deployment");
        using var _ = response;

        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var expected = Expected(s => s.Type is EventType.Summit or EventType.Deployment);
        Assert.Equal(expected.Count, root.GetProperty("total").GetInt32());
        Assert.False(root.GetProperty("truncated").GetBoolean());
        Assert.Equal("http://localhost/?type=deployment&type=summit", root.GetProperty("view").GetString());
        var events = root.GetProperty("events").Deserialize<List<ApiEvent>>(JsonSerializerOptions.Web)!;
        Assert.Equal(expected.Select(e => e.Id), events.Select(e => e.Id));
        foreach (var (stored, e) in expected.Zip(events))
        {
            var info = EventTypes.All[(int)stored.Type];
            Assert.Equal(info.Id, e.Type);
            Assert.Equal(info.Cameo, e.Cameo);
            Assert.Equal(info.Plover, e.Plover);
            Assert.Equal(stored.Start, e.Date);
            Assert.Equal(stored.End, e.EndDate);
            Assert.Equal(stored.Precision.Id(), e.Precision);
            Assert.Equal(InventedTimeline.Specs.Single(s => s.Title == stored.Title).Quote, e.Quote);
            Assert.Contains(e.Url, e.Citation, StringComparison.Ordinal);
            Assert.NotEmpty(e.Actors);
        }
        var carrier = events.Single(e => e.Type == "deployment");
        Assert.Equal("approximate", carrier.Precision);
        Assert.Equal(new DateOnly(2020, 12, 31), carrier.EndDate);
    }

    [Fact]
    public async Task Ics_has_all_day_events_with_exclusive_ends_and_stable_uids()
    {
        var (response, body) = await GetAsync("/export/ics");
        using var _ = response;

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(body)!;
        var expected = Expected(_ => true);
        Assert.Equal(expected.Count, calendar.Events.Count);
        foreach (var stored in expected)
        {
            var e = calendar.Events.Single(x => x.Uid == $"event-{stored.Id}@koreatimeline");
            Assert.Equal(stored.Title, e.Summary);
            Assert.False(e.DtStart!.HasTime);
            Assert.False(e.DtEnd!.HasTime);
            Assert.Equal(stored.Start, e.DtStart.Date);
            Assert.Equal(stored.End.AddDays(1), e.DtEnd.Date);
            Assert.Equal(new Uri($"http://localhost/events/{stored.Id}/{stored.Slug}"), e.Url);
            Assert.Contains(InventedTimeline.Specs.Single(s => s.Title == stored.Title).Quote, e.Description, StringComparison.Ordinal);
        }
        // A multi-day range: the drills ran 21 to 31 August, so DTEND is 1 September.
        Assert.Contains("DTSTART;VALUE=DATE:20170821", body, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20170901", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimelineJs_matches_its_schema_and_the_events()
    {
        var (response, body) = await GetAsync("/export/timelinejs?actor=donald-trump");
        using var _ = response;

        Assert.Null(response.Content.Headers.ContentDisposition);
        using var doc = JsonDocument.Parse(body);
        var result = JsonSchema.FromText(TimelineJsSchema.Text).Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, body);
        var events = doc.RootElement.GetProperty("events").EnumerateArray().ToList();
        var expected = Expected(s => s.Actors.Contains("donald-trump"));
        Assert.Equal(expected.Select(e => $"event-{e.Id}"), events.Select(e => e.GetProperty("unique_id").GetString()));
        foreach (var (stored, e) in expected.Zip(events))
        {
            var start = e.GetProperty("start_date");
            Assert.Equal(stored.Start, new DateOnly(start.GetProperty("year").GetInt32(), start.GetProperty("month").GetInt32(), start.GetProperty("day").GetInt32()));
            if (stored.End != stored.Start)
            {
                var end = e.GetProperty("end_date");
                Assert.Equal(stored.End, new DateOnly(end.GetProperty("year").GetInt32(), end.GetProperty("month").GetInt32(), end.GetProperty("day").GetInt32()));
            }
            else
            {
                Assert.False(e.TryGetProperty("end_date", out var _));
            }
            Assert.Contains(WebUtility.HtmlEncode(stored.Title), e.GetProperty("text").GetProperty("headline").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Atom_feed_is_stable_per_view_and_entries_link_to_permalinks()
    {
        var (first, body) = await GetAsync("/export/atom?type=summit&type=missile_test&actor=kim-jong-un");
        var (second, again) = await GetAsync("/export/atom?actor=kim-jong-un&type=missile_test&type=summit");
        using var _ = first;
        using var __ = second;

        Assert.Equal("application/atom+xml", first.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(new StringReader(body));
        var feed = SyndicationFeed.Load(reader);
        using var reader2 = XmlReader.Create(new StringReader(again));
        var feed2 = SyndicationFeed.Load(reader2);
        Assert.Equal("http://localhost/export/atom?actor=kim-jong-un&type=missile_test&type=summit", feed.Id);
        Assert.Equal(feed.Id, feed2.Id);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == feed.Id);
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri.ToString() == "http://localhost/?actor=kim-jong-un&type=missile_test&type=summit");
        var expected = Expected(s => s.Actors.Contains("kim-jong-un") && s.Type is EventType.Summit or EventType.MissileTest && s.Actors.Contains("kim-jong-un"));
        Assert.Equal(expected.Select(e => $"http://localhost/events/{e.Id}/{e.Slug}"), feed.Items.Select(i => i.Id));
        foreach (var item in feed.Items)
        {
            Assert.Equal(item.Id, item.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());
            Assert.Equal(OpenDataAppFactory.ImportedAt, item.LastUpdatedTime);
        }
        Assert.Equal(OpenDataAppFactory.ImportedAt, feed.LastUpdatedTime);
    }

    [Fact]
    public async Task Exports_of_an_empty_view_are_valid_and_empty()
    {
        var (csvResponse, csvBody) = await GetAsync("/export/csv?q=zeppelin");
        var (icsResponse, icsBody) = await GetAsync("/export/ics?q=zeppelin");
        var (atomResponse, atomBody) = await GetAsync("/export/atom?q=zeppelin");
        using var _ = csvResponse;
        using var __ = icsResponse;
        using var ___ = atomResponse;

        using var csv = new CsvReader(new StringReader(csvBody), CultureInfo.InvariantCulture);
        Assert.Empty(csv.GetRecords<dynamic>());
        Assert.Empty(Calendar.Load(icsBody)!.Events);
        using var reader = XmlReader.Create(new StringReader(atomBody));
        Assert.Empty(SyndicationFeed.Load(reader).Items);
    }
}

/// <summary>Beyond the export limit an export holds the first events and says it was cut.</summary>
public sealed class ExportLimitTest(CappedAppFactory app) : IClassFixture<CappedAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_view_beyond_the_limit_gets_the_first_events_a_header_and_a_note()
    {
        using var client = app.CreateClient();
        using var json = await client.GetAsync(new Uri("/export/json", UriKind.Relative), Cancellation);
        using var csv = await client.GetAsync(new Uri("/export/csv", UriKind.Relative), Cancellation);
        using var ics = await client.GetAsync(new Uri("/export/ics", UriKind.Relative), Cancellation);
        using var atom = await client.GetAsync(new Uri("/export/atom", UriKind.Relative), Cancellation);

        var newest = app.Events.OrderByDescending(e => e.Start).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();
        foreach (var response in new[] { json, csv, ics })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("true", response.Headers.GetValues("X-Export-Truncated").Single());
            Assert.Equal(InventedTimeline.Specs.Count.ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("X-Export-Total").Single());
            Assert.Equal("5", response.Headers.GetValues("X-Export-Count").Single());
        }
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Cancellation));
        Assert.True(doc.RootElement.GetProperty("truncated").GetBoolean());
        Assert.Contains("first 5 of 12", doc.RootElement.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(newest.Take(5), doc.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));

        using var rows = new CsvReader(new StringReader(await csv.Content.ReadAsStringAsync(Cancellation)), CultureInfo.InvariantCulture);
        Assert.Equal(5, rows.GetRecords<dynamic>().Count());
        var icsBody = await ics.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal(5, Calendar.Load(icsBody)!.Events.Count);
        Assert.Contains("first 5 of 12", icsBody, StringComparison.Ordinal);

        Assert.Equal("3", atom.Headers.GetValues("X-Export-Count").Single());
        using var reader = XmlReader.Create(new StringReader(await atom.Content.ReadAsStringAsync(Cancellation)));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal(3, feed.Items.Count());
        Assert.Contains("first 3 of 12", feed.Description.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_view_within_the_limit_is_whole()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/export/json?type=summit", UriKind.Relative), Cancellation);

        Assert.Equal("false", response.Headers.GetValues("X-Export-Truncated").Single());
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(2, doc.RootElement.GetProperty("events").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("note").ValueKind);
    }
}

/// <summary>The tests of <see cref="ExportFormatTest"/> on PostgreSQL.</summary>
public sealed class ExportFormatTestPostgres : ExportFormatTest, IClassFixture<OpenDataPostgresAppFactory>
{
    public ExportFormatTestPostgres(OpenDataPostgresAppFactory app) : base(app) => PostgresServer.SkipUnlessInstalled();
}
