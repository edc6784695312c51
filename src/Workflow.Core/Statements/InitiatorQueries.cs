using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;

namespace Workflow.Core.Statements;

public static class InitiatorQueries
{
    public static async Task<IReadOnlyList<OrganisationView>> InitiatorsOfAsync(this WorkflowDb db, Statement statement,
        CancellationToken ct)
    {
        var ids = statement.InitiatorIds;
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        return ids.Select(id => organisations.Single(o => o.Id == id)).Select(OrganisationView.From).ToList();
    }
}
