using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Workflow.Core.Accounts;

namespace Workflow.Api.Accounts;

public static class AccountSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccountLimitsOptions>(configuration.GetSection(AccountLimitsOptions.Section));
        services.AddScoped<PasswordSignIn>();
        // A session ends as soon as its account's security stamp changes (a new password, a changed address), on every
        // instance: the cookie is checked against the stamp on every request, not every 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        // Bearer access tokens do not check the stamp by themselves (only refresh does): each request's token is checked here.
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options => options.Events = new BearerTokenEvents
        {
            OnMessageReceived = RefuseTokensOfAnOldSecurityStampAsync,
        });
        return services;
    }

    private static async Task RefuseTokensOfAnOldSecurityStampAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header[prefix.Length..].Trim());
        // An unreadable or expired token is the handler's to refuse; a readable one must still belong to the account as it is now.
        if (ticket?.Principal.Identity?.IsAuthenticated != true) return;
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<WorkflowUser>>();
        if (await signIn.ValidateSecurityStampAsync(ticket.Principal) is null) context.Fail("The account's security stamp has changed " +
            "since this token was issued.");
    }
}
