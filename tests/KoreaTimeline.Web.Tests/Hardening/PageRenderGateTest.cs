using System.Net;
using KoreaTimeline.Web.Extensions;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>The gate itself: a limit, arrival order, cancellation while waiting, and 0 turning it off.</summary>
public sealed class PageRenderGateTest
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_more_than_the_limit_run_at_once()
    {
        var gate = new PageRenderGate(3);
        var (inside, most) = (0, 0);
        async Task Render()
        {
            await gate.EnterAsync(Cancellation);
            try
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Delay(Random.Shared.Next(1, 5), Cancellation);
                Interlocked.Decrement(ref inside);
            }
            finally
            {
                gate.Release();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(Render, Cancellation)));

        Assert.Equal(3, most);
        Assert.Equal(0, gate.Running);
        Assert.Equal(0, gate.Waiting);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    [Fact]
    public async Task Waiters_get_their_turn_in_arrival_order()
    {
        var gate = new PageRenderGate(1);
        await gate.EnterAsync(Cancellation);
        var order = new List<int>();
        var waiters = Enumerable.Range(0, 5).Select(n => gate.EnterAsync(Cancellation).ContinueWith(_ =>
        {
            lock (order)
            {
                order.Add(n);
            }
        }, Cancellation, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)).ToList();
        Assert.Equal(5, gate.Waiting);

        for (var n = 0; n < 5; n++)
        {
            gate.Release();
            await waiters[n];
            Assert.Equal(1, gate.Running);
        }
        gate.Release();

        Assert.Equal([0, 1, 2, 3, 4], order);
        Assert.Equal(0, gate.Running);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_the_slot_goes_to_the_next()
    {
        var gate = new PageRenderGate(1);
        await gate.EnterAsync(Cancellation);
        using var leaving = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(leaving.Token);
        var next = gate.EnterAsync(Cancellation);
        Assert.Equal(2, gate.Waiting);

        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, gate.Waiting);
        Assert.False(next.IsCompleted);
        gate.Release();
        await next.WaitAsync(TimeSpan.FromSeconds(5), Cancellation);
        gate.Release();
        Assert.Equal(0, gate.Running);
        Assert.Equal(0, gate.Waiting);
        // The freed slot is free: a new caller enters at once.
        Assert.True(gate.EnterAsync(Cancellation).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task An_already_cancelled_caller_takes_nothing()
    {
        var gate = new PageRenderGate(1);
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(gone.Token));
        Assert.Equal(0, gate.Running);
    }

    [Fact]
    public async Task Zero_turns_the_gate_off()
    {
        var gate = new PageRenderGate(0);
        Assert.False(gate.Enabled);
        for (var n = 0; n < 100; n++)
        {
            await gate.EnterAsync(Cancellation);
        }
        Assert.Equal(0, gate.Running);
        Assert.Equal(0, gate.Waiting);
        gate.Release();
    }

    [Theory]
    [InlineData(null, -1)]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("-2", -1)]
    [InlineData("many", -1)]
    public void The_setting_is_read_with_a_default_of_two_per_core_and_at_least_four(string? setting, int expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(PageRenderGate.SettingName, setting)]).Build();
        Assert.True(PageRenderGate.DefaultLimit >= 4 && PageRenderGate.DefaultLimit >= 2 * Environment.ProcessorCount);
        Assert.Equal(expected < 0 ? PageRenderGate.DefaultLimit : expected, PageRenderGate.LimitFrom(configuration));
    }
}

/// <summary>In the app: pages wait while every slot is taken; health, API and cached permalinks do not.</summary>
public sealed class PageRenderGateAppTest(TimelineAppFactory app) : IClassFixture<TimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_waits_for_a_free_slot_while_other_requests_pass()
    {
        var gate = app.Services.GetRequiredService<PageRenderGate>();
        Assert.True(gate.Enabled);
        using var client = app.CreateClient();
        var permalink = $"/events/{app.Sample!.DayEvent.Id}/{app.Sample.DayEvent.Slug}";
        // Rendered once with the gate open, so the cache holds it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(permalink, Cancellation)).StatusCode);

        for (var n = 0; n < gate.Limit; n++)
        {
            await gate.EnterAsync(Cancellation);
        }
        try
        {
            var page = client.GetAsync("/", Cancellation);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancellation)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/events", Cancellation)).StatusCode);
            var cached = await client.GetAsync(permalink, Cancellation);
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.NotNull(cached.Headers.Age);
            await Task.Delay(200, Cancellation);
            Assert.False(page.IsCompleted, "the page renders only once a slot is free");
            Assert.Equal(1, gate.Waiting);

            gate.Release();
            using var response = await page.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            for (var n = 0; n < gate.Limit - 1; n++)
            {
                gate.Release();
            }
        }
        Assert.Equal(0, gate.Running);
    }
}
