using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Organisations;

/// <summary>
/// Makes the directory's stored keys again when <see cref="NameKey"/>'s recipe changed (its <see cref="NameKey.Version"/>):
/// keys are made in C# (transliteration, Unicode's confusables), which no migration's SQL can do. It runs after the
/// migrations, at start-up or in the migration step, and touches only rows keyed by an older recipe, so once done it costs one
/// indexed query. Several instances may run it at once: they write the same values, and a row another one saved first is skipped.
/// </summary>
public static class DirectoryKeys
{
    private const int Batch = 500;

    /// <returns>How many rows were keyed again.</returns>
    public static async Task<int> RefreshStaleAsync(this WorkflowDb db, CancellationToken ct)
    {
        var refreshed = 0;
        var seen = new HashSet<Guid>();
        var conflicts = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var stale = await db.Organisations.Where(o => o.KeysVersion < NameKey.Version).OrderBy(o => o.Id).Take(Batch).ToListAsync(ct);
            // A row that stays stale after a save (changed meanwhile by an instance still running the old recipe) is not tried forever.
            stale.RemoveAll(o => !seen.Add(o.Id));
            if (stale.Count == 0) return refreshed;
            foreach (var organisation in stale) organisation.RefreshKeys();
            try
            {
                await db.SaveChangesAsync(ct);
                refreshed += stale.Count;
            }
            catch (DbUpdateConcurrencyException) when (++conflicts <= 10)
            {
                // Another instance keyed (or someone changed) one of these rows first; the next pass reads them again.
                seen.ExceptWith(stale.Select(o => o.Id));
            }
        }
    }
}
