using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workflow.Core.Accounts;

namespace Workflow.Api.Pages.Account;

/// <summary>Setting up TOTP two-factor sign-in (RFC 6238) with Identity's authenticator key, and recovery codes.</summary>
public sealed class TwoFactorModel(UserManager<WorkflowUser> users, SignInManager<WorkflowUser> signIn,
    IStringLocalizer<Texts> t) : PageModel
{
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [BindProperty] public string Code { get; set; } = "";

    public async Task OnGetAsync() => await LoadAsync(await CurrentUserAsync());

    /// <summary>
    /// The QR code of the otpauth:// address, drawn here (the pages run no inline script or style). It carries the key,
    /// so only the signed-in person gets it, and nothing may store it.
    /// </summary>
    public async Task<IActionResult> OnGetQrAsync()
    {
        var user = await CurrentUserAsync();
        Response.Headers.CacheControl = "no-store";
        if (await users.GetTwoFactorEnabledAsync(user)) return NotFound();
        var uri = Workflow.Api.Accounts.Authenticator.Uri(user.Email ?? "",
            await Workflow.Api.Accounts.Authenticator.KeyAsync(users, user));
        using var data = QRCoder.QRCodeGenerator.GenerateQrCode(uri, QRCoder.QRCodeGenerator.ECCLevel.M);
        return File(new QRCoder.PngByteQRCode(data).GetGraphic(6), "image/png");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentUserAsync();
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), t["That code is not right. Codes change every 30 seconds."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentUserAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    private async Task<WorkflowUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The page requires a signed-in user.");

    private async Task LoadAsync(WorkflowUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled) return;
        var key = await Workflow.Api.Accounts.Authenticator.KeyAsync(users, user);
        SharedKey = InGroupsOfFour(key);
    }

    private static string InGroupsOfFour(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
