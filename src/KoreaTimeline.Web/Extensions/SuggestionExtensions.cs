using System.Threading.RateLimiting;
using KoreaTimeline.Data.Editing;
using KoreaTimeline.Web.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace KoreaTimeline.Web.Extensions;

/// <summary>
/// Readers' suggestions: the <see cref="SuggestionBox"/> and the rate limit of the anonymous form
/// (<see cref="RateLimitPolicy"/>: <c>Timeline:SuggestionsPerHour</c> posts per client address and hour, default 5;
/// reading the form is not counted).
/// </summary>
public static class SuggestionExtensions
{
    /// <summary>The rate-limiting policy of the suggestion form's POST.</summary>
    public const string RateLimitPolicy = "suggestions";

    public static WebApplicationBuilder AddTimelineSuggestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SuggestionBox>();
        var perHour = builder.Configuration.GetValue("Timeline:SuggestionsPerHour", 5);
        builder.Services.Configure<RateLimiterOptions>(options => options.AddPolicy(RateLimitPolicy, context =>
        {
            var client = OpenDataExtensions.ClientOf(context);
            if (!HttpMethods.IsPost(context.Request.Method) || perHour <= 0)
            {
                return RateLimitPartition.GetNoLimiter("suggest-read");
            }
            var time = context.RequestServices.GetRequiredService<TimeProvider>();
            return RateLimitPartition.Get("suggest:" + client, _ => new ClientWindowLimiter(perHour, TimeSpan.FromHours(1), time));
        }));
        return builder;
    }
}
