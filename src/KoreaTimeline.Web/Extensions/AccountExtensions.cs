using KoreaTimeline.Data;
using KoreaTimeline.Data.Editing;
using KoreaTimeline.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KoreaTimeline.Web.Extensions;

/// <summary>
/// Editors' and admins' sign-in: ASP.NET Core Identity on the timeline's database with its cookie (HttpOnly,
/// SameSite=Strict, Secure outside Development), lockout after failed attempts, and the two policies of
/// <see cref="TimelineRoles"/>. There is no registration page: accounts come from the CLI or an admin.
/// </summary>
public static class AccountExtensions
{
    /// <summary>The sign-in page (static server rendering, so it can set the cookie).</summary>
    public const string LoginPath = "/account/login";

    /// <summary>The sign-out endpoint (POST with an antiforgery token).</summary>
    public const string LogoutPath = "/account/logout";

    /// <summary>Where a signed-in user without the role lands.</summary>
    public const string AccessDeniedPath = "/account/denied";

    /// <summary>Identity, its cookie, antiforgery cookie settings and the authorization policies.</summary>
    public static WebApplicationBuilder AddTimelineAccounts(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.AddTimelineAccounts()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "kt.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = secure;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            // The JSON API answers 401/403, never a redirect to an HTML page.
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        // Every request checks the cookie's security stamp against the account, so locking or removing an account ends its
        // open sessions at once (a user lookup per signed-in request; only editors and admins sign in).
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(TimelineRoles.EditPolicy, policy => policy.RequireRole(TimelineRoles.Editor, TimelineRoles.Admin))
            .AddPolicy(TimelineRoles.AdminPolicy, policy => policy.RequireRole(TimelineRoles.Admin));
        return builder.AddTimelineSuggestions();
    }

    /// <summary>Authentication and authorization, then the sign-out endpoint.</summary>
    public static WebApplication UseTimelineAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        // A form binding makes the endpoint validate the antiforgery token (UseAntiforgery): no token, 400.
        app.MapPost(LogoutPath, async ([FromForm] string? returnUrl, SignInManager<TimelineUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>Whether a return URL stays on this site (a path, not <c>//host</c> or <c>/\host</c>).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
