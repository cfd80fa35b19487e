using System.Net;
using System.Text.Json;

namespace KoreaTimeline.Web.Tests.Api;

/// <summary>A failure inside a query answers 500 problem details without internals, even in Development.</summary>
public sealed class ServerErrorTest(BrokenSearchAppFactory app) : IClassFixture<BrokenSearchAppFactory>
{
    [Theory]
    [InlineData("/api/events?q=missile")]
    [InlineData("/export/csv?q=missile")]
    public async Task A_failing_query_answers_500_problem_details_without_a_stack_trace(string path)
    {
        var cancellation = Xunit.TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        // A browser asking for HTML would get the developer page on other routes.
        request.Headers.Accept.ParseAdd("text/html,application/json");

        using var response = await client.SendAsync(request, cancellation);
        var body = await response.Content.ReadAsStringAsync(cancellation);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("EventSearch", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }
}

/// <summary>The API and exports share a per-address budget; beyond it they answer 429 with Retry-After.</summary>
public sealed class RateLimitTest(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task The_request_beyond_the_limit_answers_429_with_retry_after_and_pages_are_not_limited()
    {
        var cancellation = Xunit.TestContext.Current.CancellationToken;
        using var client = app.CreateClient();

        using var first = await client.GetAsync(new Uri("/api/types", UriKind.Relative), cancellation);
        using var second = await client.GetAsync(new Uri("/export/json", UriKind.Relative), cancellation);
        using var third = await client.GetAsync(new Uri("/api/events", UriKind.Relative), cancellation);
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), cancellation);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        var retryAfter = third.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await third.Content.ReadAsStringAsync(cancellation));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
