using Microsoft.Data.Sqlite;
using Npgsql;

namespace KoreaTimeline.Data.Import;

/// <summary>What a failed write transaction asks of an import: nothing (a real error), to try again, or to look again.</summary>
internal enum WriteConflictKind
{
    /// <summary>Not a conflict with another writer: the error stands.</summary>
    None,

    /// <summary>The database gave up on the transaction (serialization failure, deadlock, busy file): run it again after a pause.</summary>
    Transient,

    /// <summary>
    /// Another writer committed the same row first (a unique index on the article's source or text, or an actor's slug):
    /// look again, and the next attempt finds that row instead of inserting it.
    /// </summary>
    Duplicate,
}

/// <summary>A classified write conflict: its kind and the database's code (SQLSTATE, or SQLite's result code) for the logs.</summary>
internal readonly record struct WriteConflict(WriteConflictKind Kind, string Code, string? Constraint)
{
    /// <summary>The conflict in <paramref name="error"/> or one of its inner exceptions (EF Core wraps the provider's).</summary>
    public static WriteConflict Of(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } p:
                    return new(WriteConflictKind.Transient, p.SqlState, null);
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p:
                    return new(WriteConflictKind.Duplicate, p.SqlState, p.ConstraintName);
                // SQLITE_BUSY, SQLITE_LOCKED: the busy timeout ran out.
                case SqliteException { SqliteErrorCode: 5 or 6 } s:
                    return new(WriteConflictKind.Transient, $"SQLite {s.SqliteExtendedErrorCode}", null);
                // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY.
                case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } s:
                    return new(WriteConflictKind.Duplicate, $"SQLite {s.SqliteExtendedErrorCode}", null);
            }
        }
        return new(WriteConflictKind.None, "", null);
    }
}
