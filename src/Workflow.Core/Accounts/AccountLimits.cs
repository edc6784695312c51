using Microsoft.Extensions.Options;
using Workflow.Core.Limits;

namespace Workflow.Core.Accounts;

/// <summary>How often the account forms may be used (section <c>AccountLimits</c>); every window is in minutes.</summary>
public sealed class AccountLimitsOptions
{
    public const string Section = "AccountLimits";

    /// <summary>Wrong passwords for one typed e-mail from one client address before that pair must wait.</summary>
    public int SignInFailuresPerAccountAndAddress { get; set; } = 5;
    public int SignInFailuresWindowMinutes { get; set; } = 15;
    /// <summary>Sign-in attempts, right or wrong, from one client address.</summary>
    public int SignInAttemptsPerAddress { get; set; } = 30;
    public int SignInAttemptsWindowMinutes { get; set; } = 15;
    public int RegistrationsPerAddress { get; set; } = 10;
    public int RegistrationsWindowMinutes { get; set; } = 60;
    /// <summary>Requests for a password-reset or confirmation e-mail from one client address.</summary>
    public int MailRequestsPerAddress { get; set; } = 5;
    /// <summary>Account e-mails (confirmation, reset, "someone tried to register") to one address, so none can be mail-bombed.</summary>
    public int MailsPerRecipient { get; set; } = 3;
    public int MailsWindowMinutes { get; set; } = 60;
}

/// <summary>
/// The one place that decides whether an account form may be used now, for the pages and the API alike. Counters are
/// kept by <see cref="ISharedLimits"/>, so every instance sees them. Nothing here depends on whether an account exists:
/// an unknown e-mail is counted and refused exactly as a known one.
/// </summary>
/// <remarks>
/// Failed sign-ins count per pair of typed e-mail and client address, not per account: a stranger who keeps guessing
/// from elsewhere keeps only himself out, and the account's owner signs in from her own address as usual.
/// </remarks>
public sealed class AccountLimits(ISharedLimits limits, IOptions<AccountLimitsOptions> options)
{
    private AccountLimitsOptions O => options.Value;
    private LimitRule SignInFailures => new("sign-in-failures", O.SignInFailuresPerAccountAndAddress,
        TimeSpan.FromMinutes(O.SignInFailuresWindowMinutes));
    private LimitRule SignInAttempts => new("sign-in-attempts", O.SignInAttemptsPerAddress,
        TimeSpan.FromMinutes(O.SignInAttemptsWindowMinutes));
    private LimitRule Registrations => new("registrations", O.RegistrationsPerAddress, TimeSpan.FromMinutes(O.RegistrationsWindowMinutes));
    private LimitRule MailRequests => new("account-mail-requests", O.MailRequestsPerAddress, TimeSpan.FromMinutes(O.MailsWindowMinutes));
    private LimitRule MailsToRecipient => new("account-mails-to", O.MailsPerRecipient, TimeSpan.FromMinutes(O.MailsWindowMinutes));

    /// <summary>Counts a sign-in attempt from the address and says whether it may be checked at all.</summary>
    public async Task<LimitDecision> BeginSignInAsync(string email, string clientAddress, CancellationToken ct = default)
    {
        var fromAddress = await limits.HitAsync(SignInAttempts, clientAddress, ct);
        if (!fromAddress.Allowed) return fromAddress;
        return await limits.CheckAsync(SignInFailures, Pair(email, clientAddress), ct);
    }

    public Task SignInFailedAsync(string email, string clientAddress, CancellationToken ct = default) =>
        limits.HitAsync(SignInFailures, Pair(email, clientAddress), ct);

    public Task SignInSucceededAsync(string email, string clientAddress, CancellationToken ct = default) =>
        limits.ResetAsync(SignInFailures, Pair(email, clientAddress), ct);

    public Task<LimitDecision> RegisterAsync(string clientAddress, CancellationToken ct = default) =>
        limits.HitAsync(Registrations, clientAddress, ct);

    /// <summary>A request for a reset or confirmation e-mail: limited per client address and per recipient.</summary>
    public async Task<LimitDecision> RequestMailAsync(string email, string clientAddress, CancellationToken ct = default)
    {
        var fromAddress = await limits.HitAsync(MailRequests, clientAddress, ct);
        return fromAddress.Allowed ? await MailToAsync(email, ct) : fromAddress;
    }

    /// <summary>Counts an account e-mail to this recipient; false when the recipient has had enough for now.</summary>
    public Task<LimitDecision> MailToAsync(string email, CancellationToken ct = default) =>
        limits.HitAsync(MailsToRecipient, Normalise(email), ct);

    private static string Pair(string email, string clientAddress) => Normalise(email) + "\n" + clientAddress;

    private static string Normalise(string email) => email.Trim().ToUpperInvariant();
}
