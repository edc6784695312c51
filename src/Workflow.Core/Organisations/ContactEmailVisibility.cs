using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Organisations;

/// <summary>
/// The directory is shared by every account, its contact e-mails are not: an organisation's contact e-mails are seen
/// only by the drafters (those who see personal data, <see cref="PersonalData"/>) of a statement that uses it — that
/// invited it, or that it signed. Everybody else gets the organisation without them.
/// </summary>
public static class ContactEmailVisibility
{
    /// <summary>The organisations whose contact e-mails this account sees, as a query to combine with others.</summary>
    public static IQueryable<Guid> OrganisationsWithContactsVisibleTo(this WorkflowDb db, string userId)
    {
        var roles = PersonalData.SeenByRoles;
        var drafted = db.Statements.Where(s => s.Members.Any(m => m.UserId == userId && roles.Contains(m.Role))).Select(s => s.Id);
        return db.Invitations.Where(r => drafted.Contains(r.StatementId)).Select(r => r.OrganisationId)
            .Union(db.Signatures.Where(s => drafted.Contains(s.StatementId)).Select(s => s.OrganisationId));
    }

    /// <summary>Of these organisations, those whose contact e-mails this account sees.</summary>
    public static async Task<IReadOnlySet<Guid>> ContactsVisibleToAsync(this WorkflowDb db, string userId,
        IReadOnlyCollection<Guid> organisationIds,
        CancellationToken ct)
    {
        if (organisationIds.Count == 0) return new HashSet<Guid>();
        var ids = organisationIds.ToList();
        return (await db.OrganisationsWithContactsVisibleTo(userId).Where(id => ids.Contains(id)).ToListAsync(ct)).ToHashSet();
    }
}
