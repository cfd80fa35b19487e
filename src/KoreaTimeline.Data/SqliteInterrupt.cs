using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KoreaTimeline.Data;

/// <summary>
/// Stops a running SQLite statement when its request is cancelled. Microsoft.Data.Sqlite looks at a cancellation token
/// only before a statement starts (<c>SqliteCommand.Cancel</c> does nothing), so a search or sort that a client walked
/// away from would otherwise run to its end; <c>sqlite3_interrupt</c> makes it fail with <c>SQLITE_INTERRUPT</c> at once.
/// </summary>
public static class SqliteInterrupt
{
    /// <summary>
    /// Interrupts the statements of the open <paramref name="connection"/> when <paramref name="cancellationToken"/> fires,
    /// until the registration is disposed: dispose it before the connection goes back to the pool.
    /// </summary>
    public static CancellationTokenRegistration InterruptOn(this DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? cancellationToken.Register(static state =>
            {
                if (((SqliteConnection)state!).Handle is { } handle)
                {
                    raw.sqlite3_interrupt(handle);
                }
            }, sqlite)
            : default;

    /// <summary>True for the error of a statement interrupted because <paramref name="cancellationToken"/> fired.</summary>
    public static bool IsInterruptOf(this Exception exception, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested && exception is SqliteException { SqliteErrorCode: raw.SQLITE_INTERRUPT };
}
