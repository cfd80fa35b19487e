using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KoreaTimeline.Data.Queries;

/// <summary>
/// Whether the database changed, in microseconds, plus a counter that <see cref="Bump"/> moves (an import said it
/// changed; the only signal for an in-memory database). Replaces counting every event and actor link to notice a change.
/// </summary>
/// <remarks>
/// SQLite: <c>PRAGMA data_version</c> on a connection of its own that never writes, so its value moves whenever any
/// other connection (an import in this process, the CLI in another) commits. PostgreSQL: the <c>TimelineVersion</c>
/// counter that triggers bump inside every writing transaction (the DataVersion migration), read on a pooled
/// connection, so every node sees a commit of any other node.
/// </remarks>
internal sealed class DataVersion(DatabaseProvider provider, string connectionString) : IDisposable
{
    private readonly Lock gate = new();
    private DbConnection? watch;
    private long local;
    private bool disposed;

    /// <summary>The current version; equal values mean no commit in between.</summary>
    public (long Database, long Local) Read()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var query = connection.CreateCommand();
            query.CommandText = """SELECT "Value" FROM "TimelineVersion" WHERE "Id" = 1""";
            return ((long)query.ExecuteScalar()!, Interlocked.Read(ref local));
        }
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

    /// <summary>
    /// A version cheap enough to read for every request (a cache of rendered pages): on SQLite the same as
    /// <see cref="Read"/> (microseconds, and it sees commits of other processes); on PostgreSQL the local counter alone,
    /// with no round trip, which every commit of any node moves through <c>LISTEN timeline_changes</c>
    /// (<see cref="PostgresChangeListener"/> raises <see cref="TimelineChanges.Changed"/>, and once more after a lost
    /// connection is reopened).
    /// </summary>
    public (long Database, long Local) ReadCheap() =>
        provider == DatabaseProvider.Postgres ? (0, Interlocked.Read(ref local)) : Read();

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
