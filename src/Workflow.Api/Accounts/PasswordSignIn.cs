using Microsoft.AspNetCore.Identity;
using Workflow.Api.Security;
using Workflow.Core.Accounts;

namespace Workflow.Api.Accounts;

public enum SignInOutcome { SignedIn, RequiresTwoFactor, Refused, Throttled }

public sealed record SignInAnswer(SignInOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// Signing in with a password, for the sign-in page and the API alike: the account limits decide first, then the password.
/// Identity's account-wide lockout is not used (any stranger could keep an account locked); failures are counted per
/// typed e-mail and client address instead. An unknown account is refused, counted and throttled exactly as a known one,
/// and costs the same password hashing, so neither the answer nor its time tells whether the account exists.
/// </summary>
public sealed class PasswordSignIn(SignInManager<WorkflowUser> signIn, AccountLimits limits)
{
    public async Task<SignInAnswer> SignInAsync(HttpContext http, string email, string password, bool persistent,
        string? twoFactorCode = null, string? recoveryCode = null)
    {
        var ct = http.RequestAborted;
        email = email.Trim();
        var address = ClientAddress.Of(http);
        var decision = await limits.BeginSignInAsync(email, address, ct);
        if (!decision.Allowed) return new SignInAnswer(SignInOutcome.Throttled, decision.RetryAfter);

        SignInResult result;
        if (await signIn.UserManager.FindByNameAsync(email) is { } user)
            result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: false);
        else
        {
            signIn.UserManager.PasswordHasher.HashPassword(new WorkflowUser(), password);
            result = SignInResult.Failed;
        }
        if (result.RequiresTwoFactor && !string.IsNullOrEmpty(twoFactorCode))
            result = await signIn.TwoFactorAuthenticatorSignInAsync(twoFactorCode, persistent, rememberClient: false);
        else if (result.RequiresTwoFactor && !string.IsNullOrEmpty(recoveryCode))
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode);

        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await limits.SignInSucceededAsync(email, address, ct);
            return new SignInAnswer(result.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.RequiresTwoFactor);
        }
        await limits.SignInFailedAsync(email, address, ct);
        return new SignInAnswer(SignInOutcome.Refused);
    }
}
