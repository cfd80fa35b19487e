using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>The theme in the first HTML: the system's colour scheme (by CSS) until a <c>theme</c> cookie says otherwise.</summary>
public sealed class ThemePrerenderTest(InventedTimelineAppFactory app) : IClassFixture<InventedTimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<string> GetAsync(string? cookie)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"theme={cookie}");
        }
        using var response = await client.SendAsync(request, Cancellation);
        return await response.Content.ReadAsStringAsync(Cancellation);
    }

    [Fact]
    public async Task Without_a_cookie_the_dark_palette_applies_under_the_systems_dark_scheme()
    {
        var html = await GetAsync(null);

        Assert.Contains("<meta name=\"color-scheme\" content=\"light dark\" />", html, StringComparison.Ordinal);
        Assert.Contains("id=\"theme-css\" href=\"/theme/light.css\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"theme-css-system\" href=\"/theme/dark.css\" media=\"(prefers-color-scheme: dark)\"", html, StringComparison.Ordinal);
        Assert.Contains("mud-layout theme-system", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dark")]
    [InlineData("light")]
    public async Task A_chosen_theme_is_the_only_palette(string theme)
    {
        var html = await GetAsync(theme);

        Assert.Contains($"<meta name=\"color-scheme\" content=\"{theme}\" />", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"theme-css\" href=\"/theme/{theme}.css\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("theme-css-system", html, StringComparison.Ordinal);
        Assert.Contains($"mud-layout theme-{theme}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_script_blocks_the_parser_and_the_scripts_start_in_order_after_the_first_paint()
    {
        var html = await GetAsync(null);

        // Every classic script is deferred: the loader (boot.js), which starts Blazor, MudBlazor and app.js, in this
        // order, once the first paint is on screen; the head preloads them so they are fetched at once.
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.All(scripts, s => Assert.True(s.Contains(" defer", StringComparison.Ordinal) || s.Contains("type=\"module\"", StringComparison.Ordinal), s));
        var boot = Assert.Single(scripts, s => s.Contains("boot.", StringComparison.Ordinal));
        var listed = System.Text.RegularExpressions.Regex.Match(boot, "data-scripts=\"([^\"]*)\"").Groups[1].Value.Split(' ');
        Assert.Collection(listed,
            s => Assert.StartsWith("_framework/blazor.web.", s, StringComparison.Ordinal),
            s => Assert.StartsWith("_content/MudBlazor/MudBlazor.min.", s, StringComparison.Ordinal),
            s => Assert.StartsWith("app.", s, StringComparison.Ordinal));
        Assert.All(listed, s => Assert.Contains($"<link rel=\"preload\" as=\"script\" href=\"{s}\" />", html, StringComparison.Ordinal));
    }
}
