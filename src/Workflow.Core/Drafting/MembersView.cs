namespace Workflow.Core.Drafting;

public sealed record MemberView(string UserId, string? Email, string Role, DateTimeOffset AddedAt);

public sealed record MembersView(IReadOnlyList<MemberView> Members, IReadOnlyList<CollaboratorInvitationView> Invitations);
