using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workflow.Core.Accounts;

namespace Workflow.Api.Pages.Account;

/// <summary>The second step of signing in, for accounts with two-factor sign-in: the password was right, a code is due.</summary>
public sealed class LoginWithCodeModel(SignInManager<WorkflowUser> signIn, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
        if (result.Succeeded) return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Login");
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? t["Too many failed attempts: this account is locked for a few minutes."]
            : t["That code is not right. Codes change every 30 seconds."]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
