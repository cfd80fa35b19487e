using Microsoft.AspNetCore.Components.Endpoints;

namespace KoreaTimeline.Web.Extensions;

/// <summary>
/// A bounded, first-come-first-served gate on concurrent full page renders (prerendered Blazor pages): a page of the
/// timeline at a million events allocates megabytes while it renders (its event cards, the time axis, MudBlazor's
/// component tree), so sixteen renders at once on two cores only share the CPU and pile up garbage, and the process's
/// peak memory follows the number of renders in flight. At most <see cref="Limit"/> render at once; the others wait
/// in arrival order, each until its own request is aborted. Requests that are not page renders never wait: the API,
/// exports, health endpoints, static files, the circuit's hub, and permalinks served from the cache (the gate sits
/// after the output cache).
/// </summary>
public sealed class PageRenderGate
{
    /// <summary>The setting: concurrent page renders; 0 turns the gate off.</summary>
    public const string SettingName = "Timeline:PageRenders";

    private readonly Lock sync = new();
    private readonly LinkedList<TaskCompletionSource> waiting = new();
    private int running;

    /// <param name="limit">Renders at once; 0 (or less) lets every request through.</param>
    public PageRenderGate(int limit) => Limit = Math.Max(0, limit);

    /// <summary>Renders allowed at once; 0 when the gate is off.</summary>
    public int Limit { get; }

    /// <summary>Whether requests are ever held.</summary>
    public bool Enabled => Limit > 0;

    /// <summary>Renders holding a slot now.</summary>
    public int Running { get { lock (sync) { return running; } } }

    /// <summary>Requests waiting for a slot now.</summary>
    public int Waiting { get { lock (sync) { return waiting.Count; } } }

    /// <summary>The default: two renders per core, at least four.</summary>
    public static int DefaultLimit => Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>
    /// <c>Timeline:PageRenders</c> from configuration: <see cref="DefaultLimit"/> when missing or not a number of zero or
    /// more.
    /// </summary>
    public static int LimitFrom(IConfiguration configuration) =>
        int.TryParse(configuration[SettingName], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit >= 0
            ? limit
            : DefaultLimit;

    /// <summary>
    /// Takes a slot, waiting behind earlier callers when all are taken; throws <see cref="OperationCanceledException"/>
    /// (and takes nothing) when <paramref name="cancellationToken"/> fires first. Every completed call is paired with
    /// one <see cref="Release"/>.
    /// </summary>
    public Task EnterAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return Task.CompletedTask;
        }
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource turn;
        LinkedListNode<TaskCompletionSource> node;
        lock (sync)
        {
            if (running < Limit && waiting.Count == 0)
            {
                running++;
                return Task.CompletedTask;
            }
            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = waiting.AddLast(turn);
        }
        return WaitAsync(turn, node, cancellationToken);
    }

    private async Task WaitAsync(TaskCompletionSource turn, LinkedListNode<TaskCompletionSource> node, CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(() =>
        {
            lock (sync)
            {
                // Still queued: leave the queue. Already handed a slot: the caller owns it and releases it as usual.
                if (node.List is null)
                {
                    return;
                }
                waiting.Remove(node);
            }
            turn.TrySetCanceled(cancellationToken);
        }))
        {
            await turn.Task;
        }
    }

    /// <summary>Gives back a slot: to the longest waiting caller, if any.</summary>
    public void Release()
    {
        if (!Enabled)
        {
            return;
        }
        TaskCompletionSource? next = null;
        lock (sync)
        {
            if (waiting.First is { } first)
            {
                // The slot passes on as it is: running stays the same.
                waiting.RemoveFirst();
                next = first.Value;
            }
            else if (running > 0)
            {
                running--;
            }
        }
        next?.TrySetResult();
    }
}

/// <summary>Registration and middleware of the <see cref="PageRenderGate"/>.</summary>
public static class PageRenderGateExtensions
{
    private static readonly object Held = new();

    /// <summary>The gate, sized by <c>Timeline:PageRenders</c> (<see cref="PageRenderGate.DefaultLimit"/>; 0 turns it off).</summary>
    public static IServiceCollection AddPageRenderGate(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new PageRenderGate(PageRenderGate.LimitFrom(configuration)));

    /// <summary>
    /// Holds requests for Razor component pages at the gate. Place it after the output cache (a cached permalink renders
    /// nothing) and before the component endpoints; it needs routing (the endpoint) to tell pages from the rest.
    /// </summary>
    public static IApplicationBuilder UsePageRenderGate(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<PageRenderGate>();
        if (!gate.Enabled)
        {
            return app;
        }
        return app.Use(async (context, next) =>
        {
            // A status page re-executed inside a request that holds a slot (404, error) renders within that slot.
            if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null || context.Items.ContainsKey(Held))
            {
                await next(context);
                return;
            }
            try
            {
                await gate.EnterAsync(context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client left while waiting: nobody reads an answer.
                return;
            }
            context.Items[Held] = true;
            try
            {
                await next(context);
            }
            finally
            {
                context.Items.Remove(Held);
                gate.Release();
            }
        });
    }
}
