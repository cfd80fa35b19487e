using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Components;

public sealed class ThemeCssTest : BunitTest
{
    [Fact]
    public async Task Light_and_dark_stylesheets_carry_their_palettes()
    {
        var light = await Web.Components.Layout.ThemeCss.ForAsync(false, Services);
        var dark = await Web.Components.Layout.ThemeCss.ForAsync(true, Services);
        // MudThemeProvider's own output, once per palette: the app's background colours, nothing HTML-encoded.
        Assert.Contains("--mud-palette-background: rgba(247,247,245,1)", light, StringComparison.Ordinal);
        Assert.Contains("--mud-palette-background: rgba(18,20,23,1)", dark, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", light, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", dark, StringComparison.Ordinal);
        Assert.Equal("/theme/dark.css", Web.Components.Layout.ThemeCss.Href(true));
    }
}
