using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace KoreaTimeline.Web.Components.Layout;

/// <summary>
/// The theme's CSS variables exactly as MudThemeProvider writes them, rendered once per palette and served as a
/// stylesheet (<c>/theme/light.css</c>, <c>/theme/dark.css</c>) instead of 24 KB of CSS kept in every open circuit.
/// </summary>
public static partial class ThemeCss
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? light;
    private static string? dark;

    /// <summary>The address of the light or dark stylesheet.</summary>
    public static string Href(bool isDark) => isDark ? "/theme/dark.css" : "/theme/light.css";

    /// <summary>The stylesheet of the light or dark palette (rendered by MudThemeProvider on first use).</summary>
    public static async Task<string> ForAsync(bool isDark, IServiceProvider services)
    {
        if ((isDark ? dark : light) is { } done)
        {
            return done;
        }
        await Gate.WaitAsync();
        try
        {
            if ((isDark ? dark : light) is { } cached)
            {
                return cached;
            }
            await using var scope = services.CreateAsyncScope();
            await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(MudThemeProvider.Theme)] = TimelineTheme.Theme,
                    [nameof(MudThemeProvider.IsDarkMode)] = isDark,
                }));
                return output.ToHtmlString();
            });
            var css = new StringBuilder();
            foreach (Match style in StyleElement().Matches(html))
            {
                css.AppendLine(WebUtility.HtmlDecode(style.Groups[1].Value));
            }
            var result = css.ToString();
            if (isDark)
            {
                dark = result;
            }
            else
            {
                light = result;
            }
            return result;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Serves <c>/theme/light.css</c> and <c>/theme/dark.css</c>.</summary>
    public static void MapThemeCss(this IEndpointRouteBuilder app)
    {
        app.MapGet("/theme/{mode:regex(^(light|dark)$)}.css", async (string mode, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(await ForAsync(mode == "dark", context.RequestServices), "text/css; charset=utf-8");
        }).ExcludeFromDescription();
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
