namespace Workflow.Core.Accounts;

public enum AccountMailKind
{
    /// <summary>A new account's link to confirm its address.</summary>
    ConfirmAddress,
    /// <summary>Someone tried to register with an address that already has an account: its owner is told, nobody else.</summary>
    AlreadyRegistered,
    /// <summary>A link to choose a new password.</summary>
    ResetPassword,
    /// <summary>A link, sent to the new address, that makes it the account's address.</summary>
    ConfirmNewAddress,
}

/// <param name="LinkPathAndQuery">Where the e-mail's link leads, on the service's public address (it may carry a secret code).</param>
/// <param name="Language">The visitor's language ("en", "es"); the e-mail is written in it.</param>
public sealed record AccountMail(AccountMailKind Kind, string To, string Language, string LinkPathAndQuery);

/// <summary>
/// Sends an account e-mail at once. Account links hold codes that Identity derives from the account's security stamp;
/// they are never stored, so a direct send keeps them out of the database altogether (see README, design decisions).
/// </summary>
public interface IAccountMailer
{
    Task SendAsync(AccountMail mail, CancellationToken ct);
}
