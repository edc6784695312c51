using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Core.Limits;

/// <summary>
/// The hits of one partition of a rule in its current window, which starts at the first hit and ends at
/// <see cref="ExpiresAt"/>; the next hit after that starts a new one. Rows past their end are swept. Times are Unix
/// milliseconds rather than DateTimeOffset because the increment is one statement of SQL, and SQLite's DateTimeOffset
/// conversion is EF Core's own encoding.
/// </summary>
public sealed class LimitCounter
{
    public const int MaxRuleLength = 100;

    public required string Rule { get; init; }

    /// <summary>The SHA-256 of the partition (an address, an e-mail typed by anyone): fixed width, and no hostile text stored.</summary>
    public required string PartitionHash { get; init; }

    public int Hits { get; set; }

    /// <summary>Unix milliseconds: the end of the window.</summary>
    public long ExpiresAt { get; set; }
}

internal sealed class LimitCounterConfiguration : IEntityTypeConfiguration<LimitCounter>
{
    public void Configure(EntityTypeBuilder<LimitCounter> b)
    {
        b.HasKey(c => new { c.Rule, c.PartitionHash });
        b.Property(c => c.Rule).HasMaxLength(LimitCounter.MaxRuleLength);
        b.Property(c => c.PartitionHash).HasMaxLength(64);
        b.HasIndex(c => c.ExpiresAt);
    }
}
