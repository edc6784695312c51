using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Core.Accounts;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// Confirms an account's e-mail address as the person following the mailed confirmation link would. Until registration
/// mails that link, the tests confirm through the service's own UserManager; this is the one place to swap for the link.
/// </summary>
public static class EmailConfirmation
{
    public static async Task ConfirmEmailAsync(this WorkflowApiFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account of {email}.");
        var result = await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Registers an account of this address, confirms it and returns a client signed in with it.</summary>
    public static async Task<HttpClient> ConfirmedClientAsync(this WorkflowApiFactory factory, string email)
    {
        var client = await factory.SignedInClientAsync(email);
        await factory.ConfirmEmailAsync(email);
        return client;
    }
}
