using KoreaTimeline.Data.Queries;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KoreaTimeline.Web.Extensions;

/// <summary>
/// The permalink page's HTML (<c>/events/{id}/{slug}</c>), kept per URL, theme and data version for readers who are not
/// signed in (ASP.NET Core output caching): rendering that MudBlazor page costs milliseconds of CPU, a cached copy
/// microseconds.
/// </summary>
/// <remarks>
/// <para>What the cached markup holds, and why it may be shared. The page is prerendered for an interactive circuit, so
/// its HTML carries two Blazor component markers (the head outlet and the router) whose descriptors are encrypted
/// (Data Protection) with the router's parameter (the theme from the <c>theme</c> cookie, hence a key per theme) and an
/// invocation id. A circuit accepts any valid set of markers once; it does not matter that another reader's circuit
/// started from the same ones (the check against replay is per circuit). The descriptors expire 5 minutes after
/// rendering (<c>ServerComponentSerializationSettings.DataExpiration</c>), so an entry lives <see cref="Lifetime"/>
/// (one minute) and a page served at the end of it still leaves the browser four minutes to start its circuit.</para>
/// <para>Antiforgery. Blazor hands every interactive page an antiforgery request token through the persisted component
/// state (<c>Blazor-Server-Component-State</c>), minted with <c>GetAndStoreTokens</c>, which also sets the reader's
/// antiforgery cookie; the token pairs with that one reader's cookie. Over HTTPS in production (and in Development) that
/// would put one reader's token into the HTML served to all. A reader's permalink page has no form, so for the requests
/// this cache may store, <see cref="ReaderPageAntiforgery"/> mints no token and sets no cookie: the HTML holds nothing of
/// one reader. Forms are elsewhere (the static sign-in, suggestion and editing pages get their tokens as before), and a
/// response that sets a cookie anyway is never stored.</para>
/// <para>Who never gets it: signed-in users (editors see their "Correct this event" link and a sign-out form with an
/// antiforgery token), requests with an <c>Authorization</c> header, and anything but GET and HEAD. Only 200 responses are
/// stored: a 404 or a redirect renders again.</para>
/// <para>When it goes stale: the key holds <see cref="TimelineQueries.ChangeStamp"/>, which moves with every commit
/// (SQLite's <c>data_version</c>, seen for other processes too; on PostgreSQL the LISTEN/NOTIFY signal of any node's
/// commit, editors' notes and corrections included since the EditorialVersion migration). The next request after a
/// change misses and renders the new data; the old entries are never asked for again and age out.</para>
/// </remarks>
public static class PermalinkCache
{
    /// <summary>The output cache policy's name, named by <c>EventPage</c>'s <c>[OutputCache]</c> attribute.</summary>
    public const string PolicyName = "permalink";

    /// <summary>How long a rendered permalink page is served: well within the 5-minute life of its component markers.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The memory the cached pages may take: about 2,000 pages as rendered (17 KB) or 8,000 compressed, so a crawler
    /// walking a million permalinks cannot grow the process past its budget (least recently used leave first).
    /// </summary>
    public const long SizeLimitBytes = 32 * 1024 * 1024;

    /// <summary>
    /// Registers the output cache with the permalink policy (nothing else is cached), and wraps the antiforgery service
    /// so that the pages it may store carry no token (<see cref="ReaderPageAntiforgery"/>). Call after the antiforgery
    /// service is registered (<c>AddRazorComponents</c>, <c>AddAntiforgery</c>).
    /// </summary>
    public static IServiceCollection AddTimelinePermalinkCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.SizeLimit = SizeLimitBytes;
            options.AddPolicy(PolicyName, new Policy());
        });
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery) && d.ImplementationType is not null)
            ?? throw new InvalidOperationException("Register antiforgery (AddRazorComponents or AddAntiforgery) before the permalink cache.");
        var inner = registered.ImplementationType!;
        services.Replace(ServiceDescriptor.Singleton<IAntiforgery>(sp =>
            new ReaderPageAntiforgery((IAntiforgery)ActivatorUtilities.CreateInstance(sp, inner), sp.GetRequiredService<IOptions<AntiforgeryOptions>>(),
                sp.GetRequiredService<ILogger<ReaderPageAntiforgery>>())));
        return services;
    }

    /// <summary>Marks a request whose page the cache may store: it must carry nothing of one reader.</summary>
    private static readonly object SharedPage = new();

    /// <summary>Whether <paramref name="context"/>'s response may be served to other readers (see <see cref="ReaderPageAntiforgery"/>).</summary>
    internal static bool IsSharedPage(HttpContext context) => context.Items.ContainsKey(SharedPage);

    /// <summary>The request header a response depends on when it is compressed (the cache sits before compression).</summary>
    private static readonly string[] VaryHeaders = [HeaderNames.AcceptEncoding];

    private sealed class Policy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && !request.Headers.ContainsKey(HeaderNames.Authorization);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (!cacheable)
            {
                return ValueTask.CompletedTask;
            }
            http.Items[SharedPage] = true;
            context.ResponseExpirationTimeSpan = Lifetime;
            var vary = context.CacheVaryByRules;
            vary.QueryKeys = "*";
            vary.HeaderNames = VaryHeaders;
            vary.VaryByValues["data"] = http.RequestServices.GetRequiredService<TimelineQueries>().ChangeStamp();
            // The theme the page was prerendered with (App.razor): a parameter of the router's component marker.
            vary.VaryByValues["theme"] = request.Cookies["theme"] switch { "dark" => "dark", "light" => "light", _ => "" };
            // Blazor's enhanced navigation fetches the same page with its own Accept header; keep its answers apart.
            vary.VaryByValues["enhanced"] = request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.Ordinal) ? "1" : "0";
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // A cookie belongs to one reader; anything but the page itself (a 404, a redirect to the right slug) renders again.
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// The antiforgery service, except that a request gets no token and no antiforgery cookie when it may be shared or when
/// the cookie cannot be set on it. A page the permalink cache may share between readers (<see cref="PermalinkCache"/>):
/// Blazor then persists no token into its HTML, and the circuit has none, which a reader's permalink page never needs (it
/// has no form). A plain HTTP request while the cookie is HTTPS-only (<c>SecurePolicy = Always</c>, production): the inner
/// service throws there, and Blazor asks for a token while prerendering every interactive page, so each page logged an
/// error and paid an exception; a cookie that would never be sent back could not pair with a token anyway, so a form
/// posted over plain HTTP still fails validation as before. Every other request, and all validation, is the inner service's.
/// </summary>
internal sealed class ReaderPageAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options, ILogger<ReaderPageAntiforgery> logger) : IAntiforgery
{
    private int warned;

    private AntiforgeryTokenSet None => new(null, null, options.Value.FormFieldName, options.Value.HeaderName);

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        Withheld(httpContext) ? None : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) =>
        Withheld(httpContext) ? None : inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext)
    {
        if (!Withheld(httpContext))
        {
            inner.SetCookieTokenAndHeader(httpContext);
        }
    }

    private bool Withheld(HttpContext httpContext)
    {
        if (PermalinkCache.IsSharedPage(httpContext))
        {
            return true;
        }
        if (options.Value.Cookie.SecurePolicy != CookieSecurePolicy.Always || httpContext.Request.IsHttps)
        {
            return false;
        }
        if (Interlocked.Exchange(ref warned, 1) == 0)
        {
            logger.LogWarning("A page was requested over plain HTTP while the antiforgery cookie is HTTPS-only: pages get no antiforgery token and forms posted over HTTP fail. Serve the app over HTTPS, or behind a proxy that sends X-Forwarded-Proto (Timeline:ForwardedHeaders:KnownProxies).");
        }
        return true;
    }
}
