using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workflow.Core.Accounts;

namespace Workflow.Api.Pages.Account;

public sealed class LoginModel(SignInManager<WorkflowUser> signIn, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToPage("LoginWithCode", new { ReturnUrl, RememberMe });
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? t["Too many failed attempts: this account is locked for a few minutes."]
            : t["The e-mail or the password is not right."]);
        Response.StatusCode = result.IsLockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
        return Page();
    }

    internal static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        returnUrl is not null && url.IsLocalUrl(returnUrl) ? returnUrl : "/drafts";
}
