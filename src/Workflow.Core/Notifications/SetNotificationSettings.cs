using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Notifications;

/// <param name="Delivery">EachEvent, DailyDigest or None.</param>
/// <param name="Language">One of the interface languages; when left out, the one chosen before, else
/// <paramref name="PageLanguage"/>.</param>
public sealed record SetNotificationSettings(string UserId, string? Delivery, string? Language, string? PageLanguage)
    : IRequest<NotificationSettingsView>;

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

public sealed class SetNotificationSettingsHandler(WorkflowDb db, TimeProvider clock)
    : IRequestHandler<SetNotificationSettings, NotificationSettingsView>
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
