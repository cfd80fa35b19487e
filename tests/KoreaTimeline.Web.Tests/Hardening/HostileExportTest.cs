using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CsvHelper;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>Stored data that starts like a formula, holds control characters or links elsewhere than http(s), exported.</summary>
public sealed class HostileExportTest(HostileDataAppFactory app) : IClassFixture<HostileDataAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<string> GetOkAsync(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    [Fact]
    public async Task Csv_cells_that_start_like_formulas_are_written_as_text()
    {
        var body = await GetOkAsync("/export/csv");
        using var csv = new CsvReader(new StringReader(body), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        // Every formula title comes back as itself behind a quote mark, so a spreadsheet shows it as text.
        var titles = rows.Select(r => (string)r["title"]).ToList();
        foreach (var title in HostileDataAppFactory.FormulaTitles)
        {
            Assert.Contains("'" + title, titles);
        }
        // And no cell anywhere (title, place, date text, sources, quote) starts with = + - @ tab or CR.
        var cells = rows.SelectMany(r => r.Values.Cast<string>()).ToList();
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        Assert.Contains("'=TODAY()", cells);
        Assert.Contains(cells, c => c.StartsWith("'@Hostile Wire", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/export/atom")]
    [InlineData("/export/atom?actor=bad-actor")]
    [InlineData("/export/atom?q=quote%0B")]
    public async Task Atom_writes_only_xml_legal_characters(string path)
    {
        var body = await GetOkAsync(path);

        // A strict XML reader (the default checks characters) parses the feed.
        using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { CheckCharacters = true });
        var feed = SyndicationFeed.Load(reader);
        Assert.NotNull(feed);
        Assert.DoesNotContain(body, c => c < 0x20 && c is not '\t' and not '\n' and not '\r');
        Assert.DoesNotContain('\uFFFE', body);
    }

    [Theory]
    [InlineData("/export/atom?actor=bad%01actor")]
    [InlineData("/api/events?actor=%00")]
    public async Task A_control_character_in_an_actor_is_a_problem_naming_the_parameter(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"actor\"", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_control_quote_exports_without_its_illegal_characters()
    {
        var body = await GetOkAsync("/export/atom");

        Assert.Contains("A quote with controls and a  non-character.", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/export/csv")]
    [InlineData("/export/json")]
    [InlineData("/export/ics")]
    [InlineData("/export/timelinejs")]
    [InlineData("/export/atom")]
    [InlineData("/api/events?limit=200")]
    public async Task Source_urls_other_than_http_are_never_emitted(string path)
    {
        var body = await GetOkAsync(path);

        foreach (var url in HostileDataAppFactory.UnsafeUrls)
        {
            Assert.DoesNotContain(url, body, StringComparison.Ordinal);
            Assert.DoesNotContain(JsonSerializer.Serialize(url).Trim('"'), body, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Event_and_article_api_drop_unsafe_source_urls()
    {
        using var client = app.CreateClient();
        var bodies = new List<string>();
        for (var id = 1; id <= 40; id++)
        {
            foreach (var path in new[] { $"/api/events/{id}", $"/api/articles/{id}", $"/articles/{id}" })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
                Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                bodies.Add(await response.Content.ReadAsStringAsync(Cancellation));
            }
        }

        Assert.DoesNotContain(bodies, b => b.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || b.Contains("file:///", StringComparison.Ordinal) || b.Contains("ftp://", StringComparison.Ordinal));
    }
}
