using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ondermijning.Engine.Persistence;

public static class DatabaseErrors
{
    /// <summary>
    /// SQLite still busy or locked after its timeout, or PostgreSQL unreachable, restarting or out of connections.
    /// Either way the change did not commit, or (a connection lost during the commit) its outcome is unknown:
    /// a retry is the answer, and with an idempotency key a retried registration never creates a second case.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow }:
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The database refused a value of the statement: too long for its column, a character its encoding cannot store, a
    /// broken constraint. The request that brought the value is at fault, not the database.
    /// </summary>
    public static bool IsRefusedValue(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 18 or 19 or 20 }: // SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH
                case PostgresException p when p.SqlState.StartsWith("22", StringComparison.Ordinal) || p.SqlState.StartsWith("23", StringComparison.Ordinal):
                    return true;
            }
        }
        return false;
    }
}
