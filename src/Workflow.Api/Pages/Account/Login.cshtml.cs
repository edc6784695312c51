using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workflow.Api.Accounts;
using Workflow.Core.Accounts;

namespace Workflow.Api.Pages.Account;

public sealed class LoginModel(SignInManager<WorkflowUser> signIn, PasswordSignIn passwordSignIn, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var answer = await passwordSignIn.SignInAsync(HttpContext, Email, Password, RememberMe);
        if (answer.Outcome == SignInOutcome.SignedIn) return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        if (answer.Outcome == SignInOutcome.RequiresTwoFactor) return RedirectToPage("LoginWithCode", new { ReturnUrl, RememberMe });
        var throttled = answer.Outcome == SignInOutcome.Throttled;
        ModelState.AddModelError(string.Empty, throttled
            ? t["Too many sign-in attempts from your network for this address. Please wait a few minutes, or choose a new password."]
            : t["The e-mail or the password is not right."]);
        if (throttled) Response.Headers.RetryAfter = Workflow.Api.Security.TooManyRequests.RetryAfterSeconds(answer.RetryAfter);
        Response.StatusCode = throttled ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
        return Page();
    }

    internal static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        returnUrl is not null && url.IsLocalUrl(returnUrl) ? returnUrl : "/drafts";
}
