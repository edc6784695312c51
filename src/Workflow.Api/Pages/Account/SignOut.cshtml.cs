using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Core.Accounts;

namespace Workflow.Api.Pages.Account;

/// <summary>Signing out is a form post (with its antiforgery token), so no other site can sign anyone out with a link.</summary>
public sealed class SignOutModel(SignInManager<WorkflowUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
