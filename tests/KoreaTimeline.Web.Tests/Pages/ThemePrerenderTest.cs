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
}
