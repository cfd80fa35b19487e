using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace KoreaTimeline.Web.Extensions;

/// <summary>
/// Compression of what has no precompressed copy. MapStaticAssets serves the app's own files and Blazor's script
/// precompressed (Brotli, gzip), but not MudBlazor's fingerprinted CSS and JS (the package brings its own fingerprinted
/// endpoints, which get no compressed variants: its 627 KB of CSS went out as is, three quarters of a first visit), nor
/// the theme stylesheets (<c>/theme/*.css</c>) or the pages. CSS and JavaScript are public text and always compressed.
/// HTML is compressed only for readers who are not signed in: an editor's page holds an antiforgery token, a secret
/// that repeats across responses next to text an attacker can put in the URL (BREACH); a reader's page holds none (the
/// Blazor component markers are encrypted afresh for every response). A response that already has a Content-Encoding
/// (a precompressed asset) passes through.
/// </summary>
public static class TimelineCompression
{
    /// <summary>The content types compressed on the fly.</summary>
    public static readonly string[] MimeTypes = ["text/css", "text/javascript", "application/javascript", "text/html"];

    public static IServiceCollection AddTimelineCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = MimeTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Brotli's "optimal" is its quality 4: MudBlazor's 627 KB of CSS in a few milliseconds to 69 KB ("fastest",
        // quality 1, left 101 KB). The fingerprinted files are cached for a year, so each browser asks once.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.AddSingleton<IResponseCompressionProvider>(sp =>
            new ReaderOnlyHtmlCompression(new ResponseCompressionProvider(sp, sp.GetRequiredService<IOptions<ResponseCompressionOptions>>())));
        return services;
    }
}

/// <summary>The default compression provider, except that a signed-in user's HTML is never compressed (see <see cref="TimelineCompression"/>).</summary>
internal sealed class ReaderOnlyHtmlCompression(IResponseCompressionProvider inner) : IResponseCompressionProvider
{
    public ICompressionProvider? GetCompressionProvider(HttpContext context) => inner.GetCompressionProvider(context);

    public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);

    public bool ShouldCompressResponse(HttpContext context) =>
        inner.ShouldCompressResponse(context)
        && !(context.User.Identity?.IsAuthenticated == true
             && context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
