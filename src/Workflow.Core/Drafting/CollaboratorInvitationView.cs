namespace Workflow.Core.Drafting;

/// <param name="Status">Pending, Accepted, Expired or Revoked.</param>
/// <param name="Email">Whom the invitation was written to: for those who see the statement's personal data.</param>
public sealed record CollaboratorInvitationView(Guid Id, string? Email, string Role, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
