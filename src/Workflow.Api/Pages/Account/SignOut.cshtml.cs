using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Core.Accounts;

namespace Workflow.Api.Pages.Account;

/// <summary>Signing out is a form post (with its antiforgery token), so no other site can sign anyone out with a link.</summary>
public sealed class SignOutModel(SignInManager<WorkflowUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <param name="returnUrl">Where to go next (on this site only): the sign-in page, to come back as somebody else.</param>
    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        await signIn.SignOutAsync();
        return returnUrl is not null && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect("/");
    }
}
