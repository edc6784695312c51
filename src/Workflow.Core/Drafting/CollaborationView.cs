namespace Workflow.Core.Drafting;

/// <param name="InvitedEmail">The address the invitation was sent to, masked (j•••@example.org): only its account may accept.</param>
/// <param name="AcceptableByYou">For a signed-in caller: whether their account may accept (its confirmed address is the invited one); null
/// otherwise.</param>
/// <param name="Refusal">Why the signed-in caller may not accept, when they may not.</param>
public sealed record CollaborationView(Guid StatementId, string StatementTitle, string Role, string Status, DateTimeOffset ExpiresAt,
    string InvitedEmail, bool? AcceptableByYou = null, string? Refusal = null);
