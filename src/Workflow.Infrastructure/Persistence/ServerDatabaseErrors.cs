using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workflow.Core.Common;

namespace Workflow.Infrastructure.Persistence;

internal sealed class PostgreSqlDatabaseErrors : IDatabaseErrors
{
    // unique_violation; serialization_failure; deadlock_detected
    private static readonly HashSet<string> LostRaces = [PostgresErrorCodes.UniqueViolation, PostgresErrorCodes.SerializationFailure,
        PostgresErrorCodes.DeadlockDetected];

    public bool IsLostRace(DbUpdateException exception) => exception.InnerException is PostgresException e
        && LostRaces.Contains(e.SqlState);

    // Connection exceptions (class 08), the server shutting down or starting (57P01-57P03), too many connections (53300).
    public bool IsUnavailable(Exception exception) => Causes(exception).Any(e => e switch
    {
        PostgresException server => server.SqlState.StartsWith("08", StringComparison.Ordinal)
            || server.SqlState is "57P01" or "57P02" or "57P03" or "53300",
        // Not an answer from the server at all: the connection failed or timed out.
        NpgsqlException client => client is not PostgresException,
        _ => false,
    });

    internal static IEnumerable<Exception> Causes(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException) yield return e;
    }
}

internal sealed class SqlServerDatabaseErrors : IDatabaseErrors
{
    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int UniqueConstraintViolation = 2627;
    private const int ChosenAsDeadlockVictim = 1205;

    public bool IsLostRace(DbUpdateException exception) => exception.InnerException is SqlException e
        && e.Errors.Cast<SqlError>().Any(error =>
            error.Number is DuplicateKeyInUniqueIndex or UniqueConstraintViolation or ChosenAsDeadlockVictim);

    // Timeout (-2), network errors (53, 233, 10053, 10054, 10060, 11001), database unavailable or starting (4060, 40613, 40197, 40501,
    // 49918).
    private static readonly HashSet<int> Unavailable = [-2, 53, 233, 10053, 10054, 10060, 11001, 4060, 40613, 40197, 40501, 49918];

    public bool IsUnavailable(Exception exception) =>
        PostgreSqlDatabaseErrors.Causes(exception).OfType<SqlException>().Any(e =>
            e.Errors.Cast<SqlError>().Any(error => Unavailable.Contains(error.Number)));
}
