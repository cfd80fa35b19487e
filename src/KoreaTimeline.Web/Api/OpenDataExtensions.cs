using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using KoreaTimeline.Web.Extensions;
using Scalar.AspNetCore;

namespace KoreaTimeline.Web.Api;

/// <summary>Registration and routes of the open data: the JSON API, its OpenAPI document and reference page, and the exports.</summary>
public static class OpenDataExtensions
{
    /// <summary>The rate-limit policy of <c>/api</c> and <c>/export</c>.</summary>
    public const string RateLimitPolicy = "open-data";

    /// <summary>Problem details, OpenAPI, the rate limiter, options and the reader of views.</summary>
    public static WebApplicationBuilder AddTimelineApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OpenDataOptions>().BindConfiguration(TimelineOptions.SectionName);
        builder.Services.AddSingleton<OpenDataReader>();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Never a stack trace or exception text in a response, whatever the environment.
            context.ProblemDetails.Extensions.Remove("exception");
            if (IsDatabaseBusy(context.Exception))
            {
                context.ProblemDetails.Title = "Database busy";
                context.ProblemDetails.Detail = "The database is locked by another process (an import, a backup or a maintenance job); try again in a few seconds.";
                context.HttpContext.Response.Headers.RetryAfter = "5";
            }
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "KoreaTimeline open data";
            document.Info.Description = "Events of the Korean-peninsula security timeline with the timeline's own filters. " +
                "Exports of any view: /export/{csv|json|ics|timelinejs|atom} with the timeline's query string.";
            return Task.CompletedTask;
        }));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddTimelineForwardedHeaders();
        builder.Services.AddRateLimiter(options =>
        {
            // The client is the connection's address, which UseForwardedHeaders replaces only for a trusted proxy.
            options.AddPolicy(RateLimitPolicy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<OpenDataOptions>>().Value.RateLimit.PermitPerMinute;
                var client = ClientOf(context);
                var time = context.RequestServices.GetRequiredService<TimeProvider>();
                return permits <= 0
                    ? RateLimitPartition.GetNoLimiter(client)
                    : RateLimitPartition.Get(client, _ => new ClientWindowLimiter(permits, TimeSpan.FromMinutes(1), time));
            });
            // Pages and circuits: a window of page requests and a cap on open circuits (/_blazor connections) per client.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<OpenDataOptions>>().Value.RateLimit;
                var client = ClientOf(context);
                var path = context.Request.Path;
                if (path.StartsWithSegments("/_blazor"))
                {
                    return limits.MaxCircuitsPerClient <= 0
                        ? RateLimitPartition.GetNoLimiter("circuit:" + client)
                        : RateLimitPartition.GetConcurrencyLimiter("circuit:" + client, _ => new ConcurrencyLimiterOptions { PermitLimit = limits.MaxCircuitsPerClient, QueueLimit = 0 });
                }
                // A health probe refused with 429 would take the node out of the load balancer.
                if (IsOpenData(context) || limits.PagesPerMinute <= 0 || IsStaticFile(path) || path == "/healthz" || path == "/readyz")
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                var time = context.RequestServices.GetRequiredService<TimeProvider>();
                return RateLimitPartition.Get("page:" + client, _ => new ClientWindowLimiter(limits.PagesPerMinute, TimeSpan.FromMinutes(1), time));
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = http.Request.Path.StartsWithSegments("/_blazor")
                            ? $"This address has too many open pages (live connections); close some and try again in {seconds} s."
                            : IsOpenData(http)
                                ? $"This address made too many requests to the API and exports; try again in {seconds} s."
                                : $"This address asked for too many pages; try again in {seconds} s.",
                        Type = "https://tools.ietf.org/html/rfc6585#section-4",
                    },
                });
            };
        });
        return builder;
    }

    /// <summary>
    /// <c>/api/...</c>, <c>/export/{format}</c>, <c>/openapi/v1.json</c> and the reference page <c>/scalar</c>. API and
    /// export routes answer errors as problem details (never the developer exception page or the HTML 404 page) and
    /// allow any origin (the data is public and read-only, and TimelineJS embeds load it from other sites).
    /// </summary>
    public static WebApplication MapTimelineApi(this WebApplication app)
    {
        app.UseWhen(IsOpenData, branch =>
        {
            branch.Use((context, next) =>
            {
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
                context.Response.Headers.AccessControlAllowOrigin = "*";
                context.Response.Headers.AccessControlExposeHeaders = "X-Export-Truncated, X-Export-Total, X-Export-Count, X-Export-Limit, Retry-After";
                return next(context);
            });
            branch.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = e => IsDatabaseBusy(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            });
        });
        app.UseRateLimiter();

        app.MapGroup("/api").WithTags("Timeline").RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status500InternalServerError)
            .MapEventsApi()
            .MapEventHistoryApi();
        app.MapGroup("/export").WithTags("Exports").RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status500InternalServerError)
            .MapExports();
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("KoreaTimeline open data"));
        return app;
    }

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED, however deep EF Core wrapped it.</summary>
    public static bool IsDatabaseBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The partition key of a request: its client address (after <c>UseForwardedHeaders</c>).</summary>
    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // Framework scripts, MudBlazor's files and the app's own css/js: static, cheap, and a page needs several.
    private static bool IsStaticFile(PathString path) =>
        path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || Path.HasExtension(path.Value);

    private static bool IsOpenData(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/export");
}
