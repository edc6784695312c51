using Workflow.Api.Publishing;

namespace Workflow.Api.Tests.Publishing;

public sealed class PublicCacheEvictionsTests
{
    private static readonly DateTimeOffset Evicted = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_statement_never_evicted_needs_its_first_eviction_whatever_the_event_s_age()
    {
        Assert.False(new PublicCacheEvictions().AlreadyEvicted(Guid.NewGuid(), Evicted.AddDays(-30)));
    }

    [Fact]
    public void An_event_long_before_the_last_eviction_of_its_statement_needs_no_other_and_a_recent_one_does()
    {
        var evictions = new PublicCacheEvictions();
        var statement = Guid.NewGuid();
        evictions.Evicted(statement, Evicted);

        Assert.True(evictions.AlreadyEvicted(statement, Evicted - PublicCacheEvictions.StaleAfter - TimeSpan.FromSeconds(1)));
        // Late by less than the margin, or after the eviction began: its change may be missing from an answer stored since.
        Assert.False(evictions.AlreadyEvicted(statement, Evicted - PublicCacheEvictions.StaleAfter + TimeSpan.FromSeconds(1)));
        Assert.False(evictions.AlreadyEvicted(statement, Evicted.AddSeconds(1)));
        // Another statement's answers were not evicted.
        Assert.False(evictions.AlreadyEvicted(Guid.NewGuid(), Evicted.AddDays(-1)));
    }

    [Fact]
    public void An_eviction_noted_late_does_not_move_the_last_one_back()
    {
        var evictions = new PublicCacheEvictions();
        var statement = Guid.NewGuid();
        evictions.Evicted(statement, Evicted);
        evictions.Evicted(statement, Evicted.AddHours(-1));

        Assert.True(evictions.AlreadyEvicted(statement, Evicted - PublicCacheEvictions.StaleAfter - TimeSpan.FromSeconds(1)));
    }
}
