using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>
/// In production the antiforgery cookie is HTTPS-only: a request over plain HTTP (no TLS, no trusted proxy saying
/// https) gets no token and no cookie instead of an exception, which Blazor logged as an error on every prerendered page.
/// </summary>
public sealed class AntiforgeryOverHttpTest(PublicAddressAppFactory app) : IClassFixture<PublicAddressAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private (AntiforgeryTokenSet Tokens, string SetCookie) Tokens(string scheme)
    {
        using var scope = app.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString("localhost");
        var tokens = scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return (tokens, context.Response.Headers.SetCookie.ToString());
    }

    [Fact]
    public void Plain_http_gets_no_token_and_no_cookie()
    {
        var (tokens, setCookie) = Tokens("http");

        Assert.Null(tokens.RequestToken);
        Assert.Equal("", setCookie);
    }

    [Fact]
    public void Https_gets_a_token_and_a_secure_cookie()
    {
        var (tokens, setCookie) = Tokens("https");

        Assert.False(string.IsNullOrEmpty(tokens.RequestToken));
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_home_page_renders_over_plain_http()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
