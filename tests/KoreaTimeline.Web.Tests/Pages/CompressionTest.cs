using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.RegularExpressions;
using KoreaTimeline.Web.Extensions;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>
/// A first visit's bytes: MudBlazor's fingerprinted CSS and JS, the theme CSS and a reader's page go out compressed
/// (MapStaticAssets precompresses only the app's own files and Blazor's script).
/// </summary>
public sealed partial class CompressionTest(InventedTimelineAppFactory app) : IClassFixture<InventedTimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        return await client.SendAsync(request, Cancellation);
    }

    [Fact]
    public async Task MudBlazors_fingerprinted_assets_the_theme_and_the_page_go_out_compressed()
    {
        using var page = await GetAsync("/");
        Assert.Equal("br", Assert.Single(page.Content.Headers.ContentEncoding));
        using var reader = new StreamReader(new System.IO.Compression.BrotliStream(await page.Content.ReadAsStreamAsync(Cancellation), System.IO.Compression.CompressionMode.Decompress));
        var html = await reader.ReadToEndAsync(Cancellation);

        // The trimmed MudBlazor stylesheet is an app asset that MapStaticAssets precompresses: gzip in a build (as here),
        // Brotli too once published. MudBlazor's script and the theme are compressed on the way out (Brotli).
        foreach (var (asset, encodings) in new[]
        {
            (MudCss().Match(html).Groups[1].Value, new[] { "br", "gzip" }),
            (MudJs().Match(html).Groups[1].Value, ["br"]),
            ("/theme/light.css", ["br"]),
        })
        {
            Assert.False(string.IsNullOrEmpty(asset));
            using var response = await GetAsync(asset.StartsWith('/') ? asset : "/" + asset);
            Assert.Contains(Assert.Single(response.Content.Headers.ContentEncoding), encodings);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
        // (The test host runs in Development, where MapStaticAssets sends no-cache; published, the fingerprinted
        // files are "max-age=31536000, immutable": see the README's measurement.)
    }

    [Fact]
    public void A_signed_in_users_page_is_never_compressed_their_css_is()
    {
        var provider = new ReaderOnlyHtmlCompression(new AlwaysCompress());
        var editor = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "editor")], "cookie")) };
        editor.Response.ContentType = "text/html; charset=utf-8";
        var reader = new DefaultHttpContext();
        reader.Response.ContentType = "text/html; charset=utf-8";
        var editorCss = new DefaultHttpContext { User = editor.User };
        editorCss.Response.ContentType = "text/css";

        Assert.False(provider.ShouldCompressResponse(editor));
        Assert.True(provider.ShouldCompressResponse(reader));
        Assert.True(provider.ShouldCompressResponse(editorCss));
    }

    private sealed class AlwaysCompress : IResponseCompressionProvider
    {
        public bool CheckRequestAcceptsCompression(HttpContext context) => true;

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => null;

        public bool ShouldCompressResponse(HttpContext context) => true;
    }

    // MudBlazor's stylesheet as the app serves it: trimmed at build time (KoreaTimeline.CssTrim), an app asset.
    [GeneratedRegex("href=\"([^\"]*mudblazor\\.trimmed\\.[a-z0-9]+\\.css)\"")]
    private static partial Regex MudCss();

    // Preloaded in the head; boot.js starts it after the first paint.
    [GeneratedRegex("href=\"([^\"]*MudBlazor\\.min\\.[a-z0-9]+\\.js)\"")]
    private static partial Regex MudJs();
}
