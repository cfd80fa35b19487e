using System.Net;
using System.Text;
using CsCheck;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>
/// Generated hostile strings (control characters, NUL, lone surrogates, non-characters, URL and query syntax, long
/// runs) in every query parameter and path segment of the pages, the API and the exports, over stored data that is
/// hostile too (<see cref="HostileDataAppFactory"/>): no request may answer 500. In process, a few thousand requests.
/// </summary>
public sealed class HostileParameterFuzzTest(HostileDataAppFactory app) : IClassFixture<HostileDataAppFactory>
{
    /// <summary>How many hostile strings the property sends, at least.</summary>
    public const int MinimumStrings = 20_000;

    private static readonly string[] Parameters = ["q", "actor", "actor", "type", "type", "from", "to", "sort", "limit", "cursor", "name"];

    // {0} and {1} are hostile path segments.
    private static readonly string[] Endpoints =
    [
        "/", "/api/events", "/api/actors", "/api/types", "/export/csv", "/export/json", "/export/ics", "/export/timelinejs", "/export/atom",
        "/api/events/{0}", "/api/actors/{0}", "/api/articles/{0}", "/actors/{0}", "/events/{0}/{1}", "/articles/{0}", "/export/{0}",
    ];

    private static readonly string[] Fixed =
    [
        "", " ", "\0", "\u0001", "\u000B", "\u001F", "\u007F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\uD83D\uDE00", "\u202E", "\uFEFF",
        "2019-02-30", "0000-00-00", "9999-12-31", "-1", "0", "2147483648", "1e9", "NaN", "null", "true", "[]", "{}",
        "../../etc/passwd", "..%2F..", "%00", "%", "%%", "%C0%AF", "\"", "'", "\\", "<script>alert(1)</script>", "]]>", "&amp;",
        "=cmd|' /C calc'!A0", "NOT", "OR", "*", "\"unterminated", "col:x", "(", "^", "north-korea\u0001", "missile_test\u0000",
        "date-asc\u000B", "relevance\r\n", new string('a', 5000), new string('\u0001', 300), string.Concat(Enumerable.Repeat("\uD800x", 100)),
    ];

    private static readonly Gen<char> HostileChar = Gen.Frequency(
        (5, Gen.Char['\0', '\u001F']),
        (2, Gen.Char["\u007F\u0085\u2028\u2029\uFEFF\uFFFE\uFFFF\uD800\uDBFF\uDC00\uDFFF\u202E"]),
        (4, Gen.Char["%&=?#+;'\"<>\\/*:()[]{}^~`|@!$ -.,_"]),
        (5, Gen.Char['a', 'z']),
        (2, Gen.Char['0', '9']),
        (1, Gen.Char['\u0080', '\uFFFF']));

    private static readonly Gen<string> HostileString = Gen.Frequency(
        (3, HostileChar.Array[0, 40].Select(chars => new string(chars))),
        (1, Gen.OneOf(Fixed)),
        (1, Gen.Select(Gen.OneOf(Fixed), HostileChar.Array[0, 8]).Select(t => t.Item1 + new string(t.Item2))));

    /// <summary>An endpoint, its path segments and 2 to 8 parameters, each a hostile string.</summary>
    private static readonly Gen<(int Endpoint, string[] Segments, (string Name, string Value)[] Query)> Request = Gen.Select(
        Gen.Int[0, Endpoints.Length - 1],
        HostileString.Array[2],
        Gen.Select(Gen.Int[0, Parameters.Length - 1], HostileString).Array[2, 8].Select(ps => ps.Select(p => (Parameters[p.Item1], p.Item2)).ToArray()));

    [Fact]
    public async Task No_hostile_parameter_or_path_makes_any_endpoint_answer_500()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var strings = 0;
        var requests = 0;
        var failures = new List<string>();

        await Request.SampleAsync(async request =>
        {
            var (endpoint, segments, query) = request;
            // NUL in a path: Kestrel answers 400 before the app runs, and the in-process test client cannot even send it.
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, Endpoints[endpoint],
                Uri.EscapeDataString(segments[0].Replace("\0", "", StringComparison.Ordinal)), Uri.EscapeDataString(segments[1].Replace("\0", "", StringComparison.Ordinal)));
            var url = path + "?" + string.Join("&", query.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Xunit.TestContext.Current.CancellationToken);
            Interlocked.Add(ref strings, query.Length + (Endpoints[endpoint].Contains("{1}", StringComparison.Ordinal) ? 2 : Endpoints[endpoint].Contains("{0}", StringComparison.Ordinal) ? 1 : 0));
            Interlocked.Increment(ref requests);
            if ((int)response.StatusCode >= 500)
            {
                lock (failures)
                {
                    failures.Add($"{(int)response.StatusCode} {url}");
                }
            }
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {Printable(url)}");
        }, iter: 5_000, threads: 2);

        Assert.Empty(failures);
        Assert.True(strings >= MinimumStrings, $"only {strings} hostile strings in {requests} requests");
    }

    private static string Printable(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Length > 400 ? text[..400] + "…" : text)
        {
            sb.Append(c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString());
        }
        return sb.ToString();
    }
}
