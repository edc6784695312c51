using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.Infrastructure.Persistence;

/// <summary>
/// SQLite leaves the bytes of a deleted or rewritten row in the file's free space, where a copy of the file still shows
/// them: a link's token that the e-mail consumer erased from the outbox would be recoverable. With secure_delete on, SQLite
/// overwrites that space with zeros. The setting belongs to the connection, so it is made on every opening.
/// </summary>
internal sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
