using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Drafting;
using Workflow.Core.Statements;

namespace Workflow.Api.Pages.Drafts;

/// <summary>
/// The co-drafters: members with their roles and the invitations to co-draft. Owners invite, change roles, remove and
/// revoke; every member may leave. The invitations' addresses follow <see cref="PersonalData"/>.
/// </summary>
public sealed class MembersModel(IStringLocalizer<Texts> t) : DraftPage
{
    public MembersView Members { get; private set; } = null!;

    /// <summary>Only owners see and use the controls that manage co-drafters.</summary>
    public bool ManagesMembers => Statement.YourRole == nameof(StatementRole.Owner);

    public string You => UserId;

    [BindProperty] public string InviteEmail { get; set; } = "";
    [BindProperty] public string? InviteRole { get; set; }

    public static readonly StatementRole[] Roles = [StatementRole.Owner, StatementRole.Editor, StatementRole.Commenter,
        StatementRole.Viewer];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        InviteRole = nameof(StatementRole.Editor);
    }

    public Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct) => Change(id, async () =>
    {
        var invitation = await Mediator.Send(new InviteCollaborator(UserId, id, InviteEmail.Trim(), RoleNamed(InviteRole)), ct);
        return t["An invitation to co-draft as {0} was sent to {1}.", t[invitation.Role], invitation.Email ?? ""];
    }, ct);

    public Task<IActionResult> OnPostRoleAsync(Guid id, string memberId, string? role, CancellationToken ct) => Change(id, async () =>
    {
        var members = await Mediator.Send(new ChangeMemberRole(UserId, id, memberId, RoleNamed(role)), ct);
        var member = members.Members.Single(m => m.UserId == memberId);
        return t["{0} is now {1}.", member.Email ?? "", t[member.Role]];
    }, ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, string memberId, CancellationToken ct) => AttemptAsync(async () =>
    {
        await Mediator.Send(new RemoveMember(UserId, id, memberId), ct);
        if (memberId == UserId)
        {
            Notice = t["You left the statement."];
            return Redirect("/drafts");
        }
        Notice = t["Removed from the co-drafters."];
        return Redirect($"/drafts/{id}/members");
    }, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostRevokeAsync(Guid id, Guid invitationId, CancellationToken ct) => Change(id, async () =>
    {
        await Mediator.Send(new RevokeCollaboratorInvitation(UserId, id, invitationId), ct);
        return t["Invitation revoked."];
    }, ct);

    /// <summary>A role by its name; anything else is no role, which the use case refuses on its field.</summary>
    private static StatementRole? RoleNamed(string? name) =>
        Roles.Select(r => (StatementRole?)r).FirstOrDefault(r => r.ToString() == name);

    private Task<IActionResult> Change(Guid id, Func<Task<string>> command, CancellationToken ct) =>
        ChangeAsync($"/drafts/{id}/members", command, () => LoadAsync(id, ct));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        Members = await Mediator.Send(new ListMembers(UserId, id), ct);
    }
}
