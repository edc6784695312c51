using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Accounts;

/// <summary>
/// 403: the account has not confirmed its e-mail address yet, and the request would make the service e-mail someone else.
/// Without this rule any new account could use the service to send text of its choosing to anybody.
/// </summary>
public sealed class UnconfirmedAddressException() : WorkflowException("Confirm your e-mail address first",
    "Confirm your e-mail address first: follow the link we sent you when you registered (or ask for it again). " +
    "Until then you can draft, but the service sends no e-mail to anybody else on your behalf.");

public static class ConfirmedAddress
{
    /// <summary>Refuses a request that would e-mail somebody else while the account's own address is unconfirmed.</summary>
    public static async Task EnsureMayEmailOthersAsync(this WorkflowDb db, string userId, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.EmailConfirmed, ct)) throw new UnconfirmedAddressException();
    }
}
