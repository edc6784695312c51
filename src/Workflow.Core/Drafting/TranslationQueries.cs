using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

public static class TranslationQueries
{
    /// <summary>The latest version of each of the statement's translations.</summary>
    public static async Task<List<TranslationVersion>> LatestTranslationsAsync(this WorkflowDb db, Guid statementId, CancellationToken ct)
    {
        var all = await db.TranslationVersions.AsNoTracking().Where(v => v.StatementId == statementId).ToListAsync(ct);
        return all.GroupBy(v => v.Language).Select(g => g.MaxBy(v => v.Number)!).OrderBy(v => v.Language).ToList();
    }

    /// <summary>The translation versions signers may read, with their texts.</summary>
    public static async Task<List<TranslationVersion>> SignableTranslationsAsync(this WorkflowDb db, Statement statement,
        CancellationToken ct)
    {
        var set = statement.SignableTranslationNumbers();
        if (set.Count == 0) return [];
        var languages = set.Keys.ToList();
        var candidates = await db.TranslationVersions.AsNoTracking().Where(v => v.StatementId == statement.Id
            && languages.Contains(v.Language)).ToListAsync(ct);
        return candidates.Where(v => set[v.Language] == v.Number).OrderBy(v => v.Language).ToList();
    }
}
