using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Core.Common;
using Workflow.Core.Data;

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

public sealed record NotificationSettingsView(string Delivery, string Language, IReadOnlyList<string> Deliveries, IReadOnlyList<string> Languages);

/// <summary>
/// A person's notification settings. An account that never chose reads the default: each event, in the language it
/// registered in, or (registered before that was recorded) <paramref name="PageLanguage"/>.
/// </summary>
public sealed record GetNotificationSettings(string UserId, string? PageLanguage) : IRequest<NotificationSettingsView>;

public sealed class GetNotificationSettingsHandler(WorkflowDb db) : IRequestHandler<GetNotificationSettings, NotificationSettingsView>
{
    public async Task<NotificationSettingsView> Handle(GetNotificationSettings request, CancellationToken ct)
    {
        var settings = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == request.UserId, ct);
        return View(settings?.Delivery ?? NotificationSettings.DefaultDelivery, settings?.Language ?? InterfaceLanguages.Closest(request.PageLanguage));
    }

    internal static NotificationSettingsView View(NotificationDelivery delivery, string language) =>
        new(delivery.ToString(), language, Enum.GetNames<NotificationDelivery>(), InterfaceLanguages.All);
}

/// <param name="Delivery">EachEvent, DailyDigest or None.</param>
/// <param name="Language">One of the interface languages; when left out, the one chosen before, else <paramref name="PageLanguage"/>.</param>
public sealed record SetNotificationSettings(string UserId, string? Delivery, string? Language, string? PageLanguage) : IRequest<NotificationSettingsView>;

public sealed class SetNotificationSettingsValidator : AbstractValidator<SetNotificationSettings>
{
    public SetNotificationSettingsValidator()
    {
        RuleFor(r => r.Delivery).NotEmpty()
            .Must(d => Enum.TryParse<NotificationDelivery>(d, ignoreCase: true, out _) && !int.TryParse(d, out _))
            .WithMessage($"Choose one of: {string.Join(", ", Enum.GetNames<NotificationDelivery>())}.");
        RuleFor(r => r.Language).Must(InterfaceLanguages.IsSupported).When(r => r.Language is not null)
            .WithMessage($"Choose one of: {string.Join(", ", InterfaceLanguages.All)}.");
    }
}

public sealed class SetNotificationSettingsHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<SetNotificationSettings, NotificationSettingsView>
{
    public async Task<NotificationSettingsView> Handle(SetNotificationSettings request, CancellationToken ct)
    {
        var delivery = Enum.Parse<NotificationDelivery>(request.Delivery!, ignoreCase: true);
        var settings = await db.NotificationSettings.SingleOrDefaultAsync(s => s.UserId == request.UserId, ct);
        var language = request.Language ?? settings?.Language ?? request.PageLanguage;
        if (settings is null)
        {
            settings = NotificationSettings.ForNewAccount(request.UserId, InterfaceLanguages.Closest(language), clock.GetUtcNow());
            db.NotificationSettings.Add(settings);
        }
        settings.Change(delivery, InterfaceLanguages.Closest(language), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return GetNotificationSettingsHandler.View(settings.Delivery, settings.Language);
    }
}
