using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Organisations;

public static class OrganisationDirectory
{
    /// <summary>The organisation these details name, or a new one. A twin is avoided when the name and country match exactly.</summary>
    public static async Task<Organisation> FindOrRegisterAsync(this WorkflowDb db, OrganisationDetails details, DateTimeOffset now, CancellationToken ct)
    {
        var name = details.Name.Trim();
        var candidates = await db.Organisations.Where(o => o.Name == name).ToListAsync(ct);
        var existing = candidates.FirstOrDefault(o => o.IsNamedBy(details));
        if (existing is not null) return existing;

        var organisation = Organisation.Register(details, now);
        db.Organisations.Add(organisation);
        return organisation;
    }
}
