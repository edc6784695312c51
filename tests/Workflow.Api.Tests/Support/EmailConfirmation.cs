using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Core.Accounts;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// Confirms an account's e-mail address through the service's own UserManager, for the few tests that need an address
/// confirmed after the fact (most confirm through the mailed link, in <see cref="ApiClient.SignedInClientAsync(WorkflowApiFactory, string?,
/// bool, bool)"/>).
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
}
