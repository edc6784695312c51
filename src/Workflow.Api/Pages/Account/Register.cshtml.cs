using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Accounts;
using Workflow.Api.Security;
using Workflow.Core.Accounts;

namespace Workflow.Api.Pages.Account;

/// <summary>
/// Registering answers alike whether or not the address has an account: both are asked to look in their mailbox
/// (a new account for its confirmation link, an existing one for a note that someone tried).
/// </summary>
public sealed class RegisterModel : WorkflowPage
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync() => AttemptAsync(async () =>
    {
        await Mediator.Send(new RegisterAccount(Email, Password, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            ClientAddress.Of(HttpContext)), HttpContext.RequestAborted);
        return RedirectToPage("CheckEmail", new { ReturnUrl = ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
    }, () => Task.CompletedTask);
}
