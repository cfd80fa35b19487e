using System.Threading.RateLimiting;

namespace KoreaTimeline.Web.Api;

/// <summary>
/// A fixed window of <c>permits</c> per <c>window</c> for one client, the window starting at the client's first request.
/// Unlike the framework's fixed window, a refusal carries the real time left until the window ends as its
/// <see cref="MetadataName.RetryAfter"/>, so <c>Retry-After</c> tells the client exactly when to come back.
/// </summary>
public sealed class ClientWindowLimiter(int permits, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock gate = new();
    private long windowStart = long.MinValue;
    private int used;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var left = Remaining();
                return left > TimeSpan.Zero ? null : -left;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = Remaining() > TimeSpan.Zero ? permits - used : permits };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            if (Remaining() <= TimeSpan.Zero)
            {
                windowStart = time.GetTimestamp();
                used = 0;
            }
            if (used + permitCount <= permits)
            {
                used += permitCount;
                return Lease.Acquired;
            }
            return new Lease(false, Remaining());
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    // Time left in the current window; zero or less when there is none.
    private TimeSpan Remaining() =>
        windowStart == long.MinValue ? TimeSpan.Zero : window - time.GetElapsedTime(windowStart);

    private sealed class Lease(bool acquired, TimeSpan retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, TimeSpan.Zero);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (!acquired && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}
