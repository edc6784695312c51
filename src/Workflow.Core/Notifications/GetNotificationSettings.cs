using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Notifications;

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
        return View(settings?.Delivery ?? NotificationSettings.DefaultDelivery, settings?.Language
            ?? InterfaceLanguages.Closest(request.PageLanguage));
    }

    internal static NotificationSettingsView View(NotificationDelivery delivery, string language) =>
        new(delivery.ToString(), language, Enum.GetNames<NotificationDelivery>(), InterfaceLanguages.All);
}
