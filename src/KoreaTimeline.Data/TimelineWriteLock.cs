using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KoreaTimeline.Data;

/// <summary>
/// One writing transaction at a time, on every node. SQLite's transactions begin IMMEDIATE (the file's write lock is
/// taken at once); on PostgreSQL this interceptor makes every transaction EF Core begins take a transaction-scoped
/// advisory lock first, so two imports, or an import and an edit, never interleave their reads and writes of the same
/// events and actors (no lost merge, no duplicate actor) whichever node runs them. Reads outside transactions never wait.
/// </summary>
internal sealed class TimelineWriteLock : DbTransactionInterceptor
{
    // Any constant shared by every node: "KTWL" in ASCII.
    private const string TakeLock = "SELECT pg_advisory_xact_lock(1263818572)";

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = connection.CreateCommand();
        command.Transaction = result;
        command.CommandText = TakeLock;
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = result;
        command.CommandText = TakeLock;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }
}
