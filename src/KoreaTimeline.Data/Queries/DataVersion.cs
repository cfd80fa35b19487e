using Microsoft.Data.Sqlite;

namespace KoreaTimeline.Data.Queries;

/// <summary>
/// Whether the database changed, in microseconds: <c>PRAGMA data_version</c> on a connection of its own that never
/// writes, so its value moves whenever any other connection (an import in this process, the CLI in another) commits,
/// plus a counter that <see cref="Bump"/> moves (an import said it changed; the only signal for an in-memory database).
/// Replaces counting every event and actor link to notice a change.
/// </summary>
internal sealed class DataVersion(string connectionString) : IDisposable
{
    private readonly Lock gate = new();
    private SqliteConnection? watch;
    private long local;
    private bool disposed;

    /// <summary>The current version; equal values mean no commit in between.</summary>
    public (long Database, long Local) Read()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (watch is null)
            {
                // Its own connection, outside the pool: a pooled one would also serve writes, and a connection never
                // sees its own commits in data_version.
                var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
                watch = new SqliteConnection(builder.ToString());
                watch.Open();
            }
            using var command = watch.CreateCommand();
            command.CommandText = "PRAGMA data_version;";
            return ((long)command.ExecuteScalar()!, Interlocked.Read(ref local));
        }
    }

    /// <summary>Marks the data changed (after an import committed).</summary>
    public void Bump() => Interlocked.Increment(ref local);

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            watch?.Dispose();
            watch = null;
        }
    }
}
