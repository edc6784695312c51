namespace Workflow.Api.Tests.Support;

/// <summary>A clock the test moves by hand, in whole milliseconds like the service's own.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks - start.UtcTicks % TimeSpan.TicksPerMillisecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Set(DateTimeOffset instant)
        => Interlocked.Exchange(ref _ticks, instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerMillisecond);
}
