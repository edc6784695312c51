using Microsoft.AspNetCore.Mvc;
using Workflow.Core.Accounts;
using Workflow.Core.Common;

namespace Workflow.Api.Pages.Account;

/// <summary>
/// The e-mailed confirmation link opens this page; the address is confirmed by its button (a form post), not by opening
/// the link, so that a mail scanner that fetches links confirms nothing.
/// </summary>
public sealed class ConfirmEmailModel : WorkflowPage
{
    [BindProperty(Name = "userId", SupportsGet = true)] public string AccountId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ChangedEmail { get; set; }
    public bool Confirmed { get; private set; }

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync() => AttemptAsync(async () =>
    {
        await Mediator.Send(new ConfirmAddress(AccountId, Code, OptionalText.TrimmedOrNull(ChangedEmail)), HttpContext.RequestAborted);
        Confirmed = true;
        return Page();
    }, () => Task.CompletedTask);
}
