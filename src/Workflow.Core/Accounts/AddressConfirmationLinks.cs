namespace Workflow.Core.Accounts;

public static class AddressConfirmationLinks
{
    /// <summary>The page that confirms an address; the API's /api/auth/confirmEmail takes the same query.</summary>
    public const string PagePath = "/account/confirm-email";

    public static string Confirm(string userId, string code, string? changedEmail = null) =>
        $"{PagePath}?userId={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(code)}" +
        (changedEmail is null ? "" : $"&changedEmail={Uri.EscapeDataString(changedEmail)}");
}
