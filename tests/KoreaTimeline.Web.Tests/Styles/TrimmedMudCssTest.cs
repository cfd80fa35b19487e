using System.Text.RegularExpressions;
using KoreaTimeline.CssTrim;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Styles;

/// <summary>
/// The pages link the trimmed MudBlazor stylesheet (wwwroot/mudblazor.trimmed.css, built by KoreaTimeline.CssTrim) instead
/// of MudBlazor's 627 KB one, and it holds every MudBlazor rule that can match what the pages render.
/// </summary>
public sealed partial class TrimmedMudCssTest(TimelineAppFactory app) : IClassFixture<TimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<string> GetAsync(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        return await response.Content.ReadAsStringAsync(Cancellation);
    }

    private async Task<string> TrimmedHrefAsync()
    {
        var html = await GetAsync("/");
        var link = TrimmedLink().Match(html);
        Assert.True(link.Success, "/ links no trimmed MudBlazor stylesheet");
        return link.Groups[1].Value;
    }

    [Fact]
    public async Task Pages_link_the_trimmed_stylesheet_and_not_MudBlazors_whole_one()
    {
        foreach (var path in new[] { "/", "/actors", $"/events/{app.Sample!.DayEvent.Id}/{app.Sample.DayEvent.Slug}", "/account/login" })
        {
            var html = await GetAsync(path);

            Assert.Matches(TrimmedLink(), html);
            Assert.DoesNotContain("MudBlazor.min.css", html, StringComparison.OrdinalIgnoreCase);
        }
        var css = await GetAsync("/" + await TrimmedHrefAsync());
        Assert.InRange(css.Length, 20_000, 300_000);
        Assert.StartsWith("/*!", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trimmed_stylesheet_keeps_every_MudBlazor_rule_the_rendered_pages_can_match()
    {
        var sample = app.Sample!;
        string[] paths =
        [
            "/", "/?q=summit", "/?lanes=type", "/?from=2019-01-01&to=2019-12-31&sort=date-asc", "/actors", "/actors?sort=name",
            "/actors/united-states", "/articles", $"/articles/{sample.Article.Id}",
            $"/events/{sample.DayEvent.Id}/{sample.DayEvent.Slug}", "/compare?actor=united-states&actor=south-korea",
            "/account/login", "/no-such-page",
        ];
        var rendered = new ClassSet();
        foreach (var path in paths)
        {
            foreach (Match m in ClassAttribute().Matches(await GetAsync(path)))
            {
                foreach (var name in m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    rendered.Add(name);
                }
            }
        }
        var whole = await GetAsync("/_content/MudBlazor/MudBlazor.min.css");
        var trimmed = await GetAsync("/" + await TrimmedHrefAsync());

        // The rules of the whole sheet that the rendered classes can match, cut by the same trimmer, must all be there.
        var needed = CssTrimmer.Selectors(CssTrimmer.Trim(whole, rendered)).ToList();
        var kept = CssTrimmer.Selectors(trimmed).ToHashSet(StringComparer.Ordinal);
        var missing = needed.Where(s => !kept.Contains(s)).ToList();

        Assert.True(needed.Count > 300, $"only {needed.Count} rules matched: the pages rendered no MudBlazor markup?");
        Assert.True(missing.Count == 0, $"{missing.Count} rules missing from the trimmed stylesheet, e.g. {string.Join("  ", missing.Take(10))}");
        Assert.True(trimmed.Length < whole.Length / 3, $"trimmed {trimmed.Length:N0} of {whole.Length:N0} characters");
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(mudblazor\\.trimmed\\.[a-z0-9]+\\.css)\"")]
    private static partial Regex TrimmedLink();

    [GeneratedRegex("class=\"([^\"]*)\"")]
    private static partial Regex ClassAttribute();
}
