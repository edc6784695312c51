using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Accounts;
using Workflow.Api.Security;
using Workflow.Core.Accounts;

namespace Workflow.Api.Pages.Account;

public sealed class ForgotPasswordModel : WorkflowPage
{
    [BindProperty] public string Email { get; set; } = "";
    public bool Sent { get; private set; }

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync() => AttemptAsync(async () =>
    {
        await Mediator.Send(new ForgotPassword(Email, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ClientAddress.Of(HttpContext)),
            HttpContext.RequestAborted);
        Sent = true;
        return Page();
    }, () => Task.CompletedTask);
}
