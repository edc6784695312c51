using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Organisations;

public static class OrganisationDirectory
{
    /// <summary>The organisation these details name (see <see cref="Organisation.IsNamedBy"/>), or a new one: no twins.</summary>
    public static async Task<Organisation> FindOrRegisterAsync(this WorkflowDb db, OrganisationDetails details, DateTimeOffset now, CancellationToken ct)
    {
        var keys = new[] { NameKey.Of(details.Name), NameKey.Of(details.NameEnglish) }.Where(k => k.Length > 0).ToList();
        var candidates = await db.Organisations.Where(o => keys.Contains(o.NameKey) || keys.Contains(o.NameEnglishKey)).ToListAsync(ct);
        var existing = candidates.FirstOrDefault(o => o.IsNamedBy(details));
        if (existing is not null) return existing;

        var organisation = Organisation.Register(details, now);
        db.Organisations.Add(organisation);
        return organisation;
    }
}
