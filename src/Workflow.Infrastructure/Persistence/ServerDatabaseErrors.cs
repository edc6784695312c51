using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workflow.Core.Common;

namespace Workflow.Infrastructure.Persistence;

internal sealed class PostgreSqlDatabaseErrors : IDatabaseErrors
{
    // unique_violation; serialization_failure; deadlock_detected
    private static readonly HashSet<string> LostRaces = [PostgresErrorCodes.UniqueViolation, PostgresErrorCodes.SerializationFailure, PostgresErrorCodes.DeadlockDetected];

    public bool IsLostRace(DbUpdateException exception) => exception.InnerException is PostgresException e && LostRaces.Contains(e.SqlState);
}

internal sealed class SqlServerDatabaseErrors : IDatabaseErrors
{
    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int UniqueConstraintViolation = 2627;
    private const int ChosenAsDeadlockVictim = 1205;

    public bool IsLostRace(DbUpdateException exception) => exception.InnerException is SqlException e
        && e.Errors.Cast<SqlError>().Any(error => error.Number is DuplicateKeyInUniqueIndex or UniqueConstraintViolation or ChosenAsDeadlockVictim);
}
