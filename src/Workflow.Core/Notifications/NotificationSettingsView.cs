namespace Workflow.Core.Notifications;

public sealed record NotificationSettingsView(string Delivery, string Language, IReadOnlyList<string> Deliveries,
    IReadOnlyList<string> Languages);
