using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Core.Accounts;

namespace Workflow.Api.Pages.Account;

public sealed class RegisterModel(UserManager<WorkflowUser> users, SignInManager<WorkflowUser> signIn) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = new WorkflowUser { UserName = Email.Trim(), Email = Email.Trim() };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), error.Description);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/drafts");
    }
}
