using Workflow.Api.Security;
using System.Globalization;
using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Workflow.Api.Hosting;
using Workflow.Core.Accounts;

namespace Workflow.Api.Accounts;

public static class AccountEndpoints
{
    /// <summary>
    /// The account API under /api/auth, at the routes and with the request and answer shapes of ASP.NET Core Identity's own
    /// (register, login → bearer token, refresh, confirmEmail, resendConfirmationEmail, forgotPassword, resetPassword,
    /// manage/2fa, manage/info), answering alike whether or not an account exists, within the account limits.
    /// </summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.AddEndpointFilter(RequiredFieldsArePresent);

        auth.MapPost("/register", async ([FromBody] RegisterRequest body, HttpContext http, IMediator mediator) =>
        {
            await mediator.Send(new RegisterAccount(body.Email, body.Password, Language(), ClientAddress.Of(http)), http.RequestAborted);
            return TypedResults.Ok();
        }).AllowAnonymous();

        auth.MapPost("/login", async Task<IResult> ([FromBody] LoginRequest body, [FromQuery] bool? useCookies,
            [FromQuery] bool? useSessionCookies, HttpContext http, SignInManager<WorkflowUser> signIn, PasswordSignIn passwordSignIn) =>
        {
            var useCookieScheme = useCookies == true || useSessionCookies == true;
            signIn.AuthenticationScheme = useCookieScheme ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
            var answer = await passwordSignIn.SignInAsync(http, body.Email, body.Password, useCookies == true && useSessionCookies != true,
                body.TwoFactorCode, body.TwoFactorRecoveryCode);
            return answer.Outcome switch
            {
                // The sign-in manager has written the token (or the cookie) already.
                SignInOutcome.SignedIn => TypedResults.Empty,
                SignInOutcome.RequiresTwoFactor => TypedResults.Problem("RequiresTwoFactor", statusCode: StatusCodes.Status401Unauthorized),
                SignInOutcome.Throttled => TooMany(http, answer.RetryAfter),
                _ => TypedResults.Problem("Failed", statusCode: StatusCodes.Status401Unauthorized),
            };
        }).AllowAnonymous();

        auth.MapPost("/refresh", async Task<IResult> ([FromBody] RefreshRequest body, SignInManager<WorkflowUser> signIn,
            IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock) =>
        {
            var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
            // A refresh token that expired, or whose account's security stamp has changed since (a new password), is refused.
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
                return TypedResults.Challenge();
            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous();

        auth.MapGet("/confirmEmail", async ([FromQuery] string? userId, [FromQuery] string? code, [FromQuery] string? changedEmail,
            IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ConfirmAddress(userId ?? "", code ?? "", changedEmail), ct);
            return TypedResults.Text("Thank you for confirming your email.");
        }).AllowAnonymous();

        auth.MapPost("/resendConfirmationEmail", async ([FromBody] ResendConfirmationEmailRequest body, HttpContext http,
            IMediator mediator) =>
        {
            await mediator.Send(new ResendConfirmation(body.Email, Language(), ClientAddress.Of(http)), http.RequestAborted);
            return TypedResults.Ok();
        }).AllowAnonymous();

        auth.MapPost("/forgotPassword", async ([FromBody] ForgotPasswordRequest body, HttpContext http, IMediator mediator) =>
        {
            await mediator.Send(new ForgotPassword(body.Email, Language(), ClientAddress.Of(http)), http.RequestAborted);
            return TypedResults.Ok();
        }).AllowAnonymous();

        auth.MapPost("/resetPassword", async ([FromBody] ResetPasswordRequest body, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ResetPassword(body.Email, body.ResetCode, body.NewPassword), ct);
            return TypedResults.Ok();
        }).AllowAnonymous();

        var manage = auth.MapGroup("/manage").RequireAuthorization();

        manage.MapPost("/2fa", async Task<IResult> ([FromBody] TwoFactorRequest body, ClaimsPrincipal principal,
            SignInManager<WorkflowUser> signIn) =>
        {
            var users = signIn.UserManager;
            if (await users.GetUserAsync(principal) is not { } user) return TypedResults.NotFound();
            if (body.Enable == true)
            {
                if (body.ResetSharedKey)
                    return Invalid("resetSharedKey",
                        "Resetting the shared key turns two-factor sign-in off until a code from the new key is given.");
                if (string.IsNullOrEmpty(body.TwoFactorCode))
                    return Invalid("twoFactorCode", "A code from the authenticator app is required to turn two-factor sign-in on.");
                if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, body.TwoFactorCode))
                    return Invalid("twoFactorCode", "That code is not right. Codes change every 30 seconds.");
                await users.SetTwoFactorEnabledAsync(user, true);
            }
            else if (body.Enable == false || body.ResetSharedKey)
                await users.SetTwoFactorEnabledAsync(user, false);
            if (body.ResetSharedKey) await users.ResetAuthenticatorKeyAsync(user);

            string[]? recoveryCodes = null;
            if (body.ResetRecoveryCodes || (body.Enable == true && await users.CountRecoveryCodesAsync(user) == 0))
                recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray();
            if (body.ForgetMachine) await signIn.ForgetTwoFactorClientAsync();

            var key = await Authenticator.KeyAsync(users, user);
            return TypedResults.Ok(new TwoFactorAnswer(key, Authenticator.Uri(user.Email ?? "", key),
                recoveryCodes?.Length ?? await users.CountRecoveryCodesAsync(user), recoveryCodes,
                await users.GetTwoFactorEnabledAsync(user), await signIn.IsTwoFactorClientRememberedAsync(user)));
        });

        manage.MapGet("/info", async Task<IResult> (ClaimsPrincipal principal, UserManager<WorkflowUser> users) =>
            await users.GetUserAsync(principal) is { } user ? TypedResults.Ok(new InfoAnswer(user.Email ?? "", user.EmailConfirmed))
            : TypedResults.NotFound());

        manage.MapPost("/info", async Task<IResult> ([FromBody] InfoRequest body, ClaimsPrincipal principal,
            UserManager<WorkflowUser> users, IMediator mediator, CancellationToken ct) =>
        {
            var userId = principal.Id();
            if (!string.IsNullOrEmpty(body.NewPassword))
            {
                if (string.IsNullOrEmpty(body.OldPassword))
                    return Invalid("oldPassword",
                        "The current password is required to set a new one. If you forgot it, use /api/auth/forgotPassword.");
                await mediator.Send(new ChangePassword(userId, body.OldPassword, body.NewPassword), ct);
            }
            if (!string.IsNullOrEmpty(body.NewEmail)) await mediator.Send(new ChangeEmail(userId, body.NewEmail, Language()), ct);
            return await users.FindByIdAsync(userId) is { } user ? TypedResults.Ok(new InfoAnswer(user.Email ?? "", user.EmailConfirmed))
                : TypedResults.NotFound();
        });
    }

    /// <summary>Identity's answer to manage/2fa, with the otpauth:// address an authenticator app reads from the QR code.</summary>
    public sealed record TwoFactorAnswer(string SharedKey, string AuthenticatorUri, int RecoveryCodesLeft, string[]? RecoveryCodes,
        bool IsTwoFactorEnabled, bool IsMachineRemembered);

    public sealed record InfoAnswer(string Email, bool IsEmailConfirmed);

    /// <summary>The visitor's language (from Accept-Language or the language cookie): account e-mails are written in it.</summary>
    private static string Language() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static IResult TooMany(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = TooManyRequests.RetryAfterSeconds(retryAfter);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: "Too many sign-in attempts from your network address or for this account. Please try again later.");
    }

    /// <summary>
    /// Identity's request types declare their fields required but JSON may still send them as null (an e-mail of null
    /// reaches UserManager and throws): such a request is 400 naming each missing field.
    /// </summary>
    private static async ValueTask<object?> RequiredFieldsArePresent(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var missing = context.Arguments
            .Where(argument => argument?.GetType().Namespace == "Microsoft.AspNetCore.Identity.Data")
            .SelectMany(argument => argument!.GetType().GetProperties()
                .Where(p => p.PropertyType == typeof(string) && p.GetValue(argument) is null &&
                            p.GetCustomAttributes(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), false).Length > 0)
                .Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
            .ToDictionary(name => name, _ => new[] { "This field is required." });
        return missing.Count > 0 ? TypedResults.ValidationProblem(missing) : await next(context);
    }
}

/// <summary>The authenticator app's key and the otpauth:// address that carries it (issuer Workflow, the account's e-mail).</summary>
public static class Authenticator
{
    public static async Task<string> KeyAsync(UserManager<WorkflowUser> users, WorkflowUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (!string.IsNullOrEmpty(key)) return key;
        // The first key replaces no secret, so unlike ResetAuthenticatorKeyAsync it leaves the security stamp (and so
        // every session of the account) as it is.
        key = users.GenerateNewAuthenticatorKey();
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
        return key;
    }

    public static string Uri(string email, string key) =>
        $"otpauth://totp/Workflow:{System.Uri.EscapeDataString(email)}?secret={key}&issuer=Workflow&digits=6";
}
