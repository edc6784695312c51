using System.Globalization;
using System.Security.Claims;
using MediatR;
using Workflow.Api.Hosting;
using Workflow.Core.Notifications;

namespace Workflow.Api.Accounts;

/// <param name="Delivery">EachEvent, DailyDigest or None.</param>
/// <param name="Language">The language of the e-mails (en, es, fr, de, pt, ru, tr, ar); unchanged when left out.</param>
public sealed record NotificationSettingsBody(string? Delivery, string? Language);

/// <summary>How the signed-in person hears, as a drafter, of signatures, declines, sign-ons awaiting approval and deadlines.</summary>
public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/account/notifications").WithTags("Accounts").RequireAuthorization();

        notifications.MapGet("/", (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetNotificationSettings(user.Id(), PageLanguage()), ct));

        notifications.MapPut("/", (NotificationSettingsBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new SetNotificationSettings(user.Id(), body.Delivery, body.Language, PageLanguage()), ct));
    }

    private static string PageLanguage() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
