using System.Net;
using System.Text.Json;
using KoreaTimeline.Web.Extensions;
using KoreaTimeline.Web.Tests.Api;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>Security headers on pages, API, exports and static files; absolute links from the configured public address only.</summary>
public sealed class SecurityHeadersTest(OpenDataAppFactory app) : IClassFixture<OpenDataAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/actors/north-korea")]
    [InlineData("/api/events")]
    [InlineData("/export/csv")]
    [InlineData("/app.css")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(SecurityHeadersExtensions.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public void The_policy_allows_no_inline_or_foreign_script()
    {
        var scriptSrc = SecurityHeadersExtensions.ContentSecurityPolicy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));

        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.Contains("frame-ancestors 'none'", SecurityHeadersExtensions.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", SecurityHeadersExtensions.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_hold_no_inline_script()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancellation);

        // Every <script> has a src (an inline one, e.g. an import map, would be blocked by the policy).
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains(" src=", s.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(" on" + "click=", html, StringComparison.OrdinalIgnoreCase);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";
}

/// <summary>The app as deployed: Production, a public base URL and allowed hosts.</summary>
public sealed class PublicAddressAppFactory : OpenDataAppFactory
{
    public const string PublicBase = "https://timeline.example.org";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Timeline:RateLimit:PermitPerMinute"] = "0",
        ["Timeline:PublicBaseUrl"] = PublicBase,
        ["AllowedHosts"] = "timeline.example.org;localhost",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>Absolute links come from <c>Timeline:PublicBaseUrl</c>; a forged Host header is refused or ignored.</summary>
public sealed class PublicAddressTest(PublicAddressAppFactory app) : IClassFixture<PublicAddressAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string path, string host)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = host;
        return await client.SendAsync(request, Cancellation);
    }

    [Theory]
    [InlineData("/api/events?limit=5")]
    [InlineData("/export/atom")]
    [InlineData("/export/timelinejs")]
    [InlineData("/export/json")]
    [InlineData("/export/csv")]
    [InlineData("/export/ics")]
    public async Task Absolute_links_use_the_public_base_url_whatever_the_host_header(string path)
    {
        using var response = await GetAsync(path, "localhost");
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PublicAddressAppFactory.PublicBase + "/events/", body.Replace("\\/", "/", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("://localhost", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citation_on_an_event_page_uses_the_public_base_url()
    {
        var e = app.Events[0];
        using var response = await GetAsync($"/events/{e.Id}/{e.Slug}", "localhost");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancellation));

        Assert.Contains($"{PublicAddressAppFactory.PublicBase}/events/{e.Id}/{e.Slug}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("://localhost", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_outside_allowed_hosts_is_refused()
    {
        using var response = await GetAsync("/api/events", "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_outside_development()
    {
        using var response = await GetAsync("/", "timeline.example.org");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public void A_bad_public_base_url_is_named()
    {
        Assert.Contains("Timeline:PublicBaseUrl 'javascript:alert(1)'", PublicBaseUrl.Problem("javascript:alert(1)"), StringComparison.Ordinal);
        Assert.NotNull(PublicBaseUrl.Problem("timeline.example.org"));
        Assert.Null(PublicBaseUrl.Problem("https://timeline.example.org/sub"));
        Assert.Null(PublicBaseUrl.Problem(""));
    }
}
