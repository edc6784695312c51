using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Organisations;

public static class OrganisationRecords
{
    /// <summary>A record as <paramref name="userId"/> may see it, with the records merged into it; 404 when there is none.</summary>
    public static async Task<OrganisationRecord> OrganisationRecordAsync(this WorkflowDb db, string userId, Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("organisation");
        var merged = await db.Organisations.AsNoTracking().Where(o => o.MergedIntoId == organisation.Id).OrderBy(o => o.MergedAt)
            .Select(o => new MergedRecord(o.Id, o.Name, o.NameEnglish, o.Acronym, o.MergedAt!.Value, o.MergedBy!)).ToListAsync(ct);
        var visible = await db.ContactsVisibleToAsync(userId, [organisation.Id], ct);
        return new OrganisationRecord(DirectoryEntry.From(organisation, visible.Contains(organisation.Id)), merged);
    }
}
