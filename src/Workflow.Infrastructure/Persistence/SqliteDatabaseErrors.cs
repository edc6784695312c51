using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;

namespace Workflow.Infrastructure.Persistence;

internal sealed class SqliteDatabaseErrors : IDatabaseErrors
{
    private const int UniqueConstraint = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int PrimaryKeyConstraint = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

    public bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: UniqueConstraint or PrimaryKeyConstraint };
}
