using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Core.Common;

namespace Workflow.Core.Notifications;

/// <summary>How a drafter hears what happens on their statements: each event as it happens, one e-mail a day, or not at all.</summary>
public enum NotificationDelivery { EachEvent, DailyDigest, None }

/// <summary>
/// One person's choice of how and in which language the service tells them, as a drafter (owner or editor), that an
/// organisation signed or declined, that a sign-on awaits approval, or that a deadline approaches with invitations open.
/// </summary>
public sealed class NotificationSettings
{
    /// <summary>
    /// Each event, as before there was a choice (a decline was always e-mailed at once): a new drafter learns at once
    /// what their campaign does, and whoever finds it too much chooses the daily summary.
    /// </summary>
    public const NotificationDelivery DefaultDelivery = NotificationDelivery.EachEvent;

    private NotificationSettings() { }

    public string UserId { get; private set; } = "";
    public NotificationDelivery Delivery { get; private set; }
    /// <summary>One of <see cref="InterfaceLanguages.All"/>.</summary>
    public string Language { get; private set; } = InterfaceLanguages.Default;
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The settings of an account that never chose: each event, in the language it registered in.</summary>
    public static NotificationSettings ForNewAccount(string userId, string registeredIn, DateTimeOffset now) =>
        new() { UserId = userId, Delivery = DefaultDelivery, Language = InterfaceLanguages.Closest(registeredIn), UpdatedAt = now };

    public void Change(NotificationDelivery delivery, string language, DateTimeOffset now)
    {
        Delivery = delivery;
        Language = InterfaceLanguages.Closest(language);
        UpdatedAt = now;
    }
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> b)
    {
        b.HasKey(s => s.UserId);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.Delivery).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Language).HasMaxLength(10);
    }
}
