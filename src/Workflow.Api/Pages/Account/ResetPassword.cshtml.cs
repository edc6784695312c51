using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Accounts;

namespace Workflow.Api.Pages.Account;

/// <summary>The e-mailed reset link opens this page; a new password signs out every other session of the account.</summary>
public sealed class ResetPasswordModel(IStringLocalizer<Texts> t) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Email { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public string NewPassword { get; set; } = "";

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync() => AttemptAsync(async () =>
    {
        await Mediator.Send(new ResetPassword(Email, Code, NewPassword), HttpContext.RequestAborted);
        Notice = t["Your password is changed, and every other session is signed out. Sign in with the new password."];
        return RedirectToPage("Login");
    }, () => Task.CompletedTask);
}
