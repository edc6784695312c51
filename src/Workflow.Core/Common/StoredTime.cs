namespace Workflow.Core.Common;

/// <summary>
/// Instants as every database keeps them. SQLite (as we store it) keeps 0.1 ms, PostgreSQL 1 µs, SQL Server 0.1 µs:
/// cut to whole milliseconds, a time reads back exactly as it was written, so a receipt shown at signing
/// equals the one shown later.
/// </summary>
public static class StoredTime
{
    public static DateTimeOffset Of(DateTimeOffset instant) =>
        new DateTimeOffset(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}

/// <summary>The clock of the service: UTC, in whole milliseconds (see <see cref="StoredTime"/>).</summary>
public sealed class StoredTimeProvider(TimeProvider system) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => StoredTime.Of(system.GetUtcNow());
}
