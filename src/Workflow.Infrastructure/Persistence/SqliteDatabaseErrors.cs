using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;

namespace Workflow.Infrastructure.Persistence;

internal sealed class SqliteDatabaseErrors : IDatabaseErrors
{
    private const int Busy = 5; // SQLITE_BUSY: another connection writes; a transaction that read first cannot wait for it
    private const int Locked = 6; // SQLITE_LOCKED
    private const int UniqueConstraint = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int PrimaryKeyConstraint = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

    public bool IsLostRace(DbUpdateException exception) => exception.InnerException is SqliteException e
        && (e.SqliteExtendedErrorCode is UniqueConstraint or PrimaryKeyConstraint || e.SqliteErrorCode is Busy or Locked);

    /// <summary>An embedded file is there as long as the process is; its busy moments are lost races, retried.</summary>
    public bool IsUnavailable(Exception exception) => false;
}
