using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Api.Accounts;
using Workflow.Api.Security;
using Workflow.Core.Accounts;
using Workflow.Core.Common;
using Workflow.Core.Notifications;

namespace Workflow.Api.Pages.Account;

/// <summary>The signed-in person's account: the address (confirmed or not), a new password, a new address, two-factor sign-in,
/// notifications.</summary>
public sealed class AccountModel(UserManager<WorkflowUser> users, SignInManager<WorkflowUser> signIn,
    IStringLocalizer<Texts> t) : WorkflowPage
{
    public string Email { get; private set; } = "";
    public bool EmailConfirmed { get; private set; }
    public bool TwoFactorEnabled { get; private set; }

    [BindProperty] public string OldPassword { get; set; } = "";
    [BindProperty] public string NewPassword { get; set; } = "";
    [BindProperty] public string NewEmail { get; set; } = "";
    [BindProperty] public string? Delivery { get; set; }
    [BindProperty] public string? EmailLanguage { get; set; }

    public NotificationSettingsView Notifications { get; private set; } = null!;

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostResendAsync() => AttemptAsync(async () =>
    {
        await LoadAsync();
        await Mediator.Send(new ResendConfirmation(Email, Language, ClientAddress.Of(HttpContext)), HttpContext.RequestAborted);
        Notice = t["We sent the link again. Look in your mailbox."];
        return RedirectToPage();
    }, LoadAsync);

    public Task<IActionResult> OnPostPasswordAsync() => AttemptAsync(async () =>
    {
        await Mediator.Send(new ChangePassword(UserId, OldPassword, NewPassword), HttpContext.RequestAborted);
        // This session stays signed in with the new security stamp; every other one ends.
        await signIn.RefreshSignInAsync(await users.FindByIdAsync(UserId) ?? throw new InvalidOperationException("The account is gone."));
        Notice = t["Your password is changed, and every other session is signed out."];
        return RedirectToPage();
    }, LoadAsync);

    public Task<IActionResult> OnPostEmailAsync() => AttemptAsync(async () =>
    {
        await Mediator.Send(new ChangeEmail(UserId, NewEmail, Language), HttpContext.RequestAborted);
        Notice = t["We sent a link to the new address. The change is made when it is opened."];
        return RedirectToPage();
    }, LoadAsync);

    public Task<IActionResult> OnPostNotificationsAsync() => AttemptAsync(async () =>
    {
        await Mediator.Send(new SetNotificationSettings(UserId, Delivery, OptionalText.TrimmedOrNull(EmailLanguage), Language),
            HttpContext.RequestAborted);
        Notice = t["Your notification settings are saved."];
        return RedirectToPage();
    }, LoadAsync);

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private async Task LoadAsync()
    {
        var user = await users.FindByIdAsync(UserId) ?? throw new InvalidOperationException("The page requires a signed-in user.");
        (Email, EmailConfirmed, TwoFactorEnabled) = (user.Email ?? "", user.EmailConfirmed, user.TwoFactorEnabled);
        Notifications = await Mediator.Send(new GetNotificationSettings(UserId, Language), HttpContext.RequestAborted);
    }
}
