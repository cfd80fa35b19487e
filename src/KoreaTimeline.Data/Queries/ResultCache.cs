namespace KoreaTimeline.Data.Queries;

/// <summary>
/// Results by key and <see cref="DataVersion"/>, computed once even when several requests ask at the same time (the page
/// and the counts of one view do), and kept until the data changes or the size budget needs the room (least recently
/// used first). A computation abandoned by the request that started it is started again for the next one.
/// </summary>
internal sealed class ResultCache<T>(long budget, Func<T, long> sizeOf)
    where T : class
{
    private sealed class Entry((long, long) version, Lazy<Task<T>> value)
    {
        public (long, long) Version { get; } = version;
        public Lazy<Task<T>> Value { get; } = value;
        public long LastUsed { get; set; }
    }

    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long clock;

    /// <summary>Entries held (computed or under way).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The value of <paramref name="key"/> at <paramref name="version"/>, computed by <paramref name="compute"/> when missing.</summary>
    public async Task<T> GetAsync(string key, (long, long) version, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        while (true)
        {
            Entry entry;
            lock (gate)
            {
                if (!entries.TryGetValue(key, out entry!) || entry.Version != version || entry.Value.IsValueCreated && entry.Value.Value.IsCompleted && !entry.Value.Value.IsCompletedSuccessfully)
                {
                    entry = new Entry(version, new Lazy<Task<T>>(() => compute(cancellationToken)));
                    entries[key] = entry;
                    // Results of another version are never asked for again.
                    foreach (var stale in entries.Where(e => e.Value.Version != version).Select(e => e.Key).ToList())
                    {
                        entries.Remove(stale);
                    }
                }
                entry.LastUsed = ++clock;
            }
            try
            {
                var value = await entry.Value.Value.WaitAsync(cancellationToken);
                Trim(key);
                return value;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request that started it went away: forget it and compute for this one.
                lock (gate)
                {
                    if (entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                    {
                        entries.Remove(key);
                    }
                }
            }
        }
    }

    private void Trim(string keep)
    {
        lock (gate)
        {
            var done = entries.Where(e => e.Value.Value.IsValueCreated && e.Value.Value.Value.IsCompletedSuccessfully).ToList();
            var size = done.Sum(e => sizeOf(e.Value.Value.Value.Result));
            foreach (var (key, _) in done.OrderBy(e => e.Value.LastUsed))
            {
                if (size <= budget)
                {
                    break;
                }
                if (key != keep)
                {
                    size -= sizeOf(entries[key].Value.Value.Result);
                    entries.Remove(key);
                }
            }
        }
    }
}
