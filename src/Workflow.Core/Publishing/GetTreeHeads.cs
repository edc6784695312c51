using System.Text.Json.Nodes;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Publishing;

/// <summary>
/// The statement's signed tree heads, oldest first, from the one with <paramref name="FromSize"/> leaves on (0: the latest
/// <paramref name="Max"/>): copies anyone may keep.
/// </summary>
public sealed record GetTreeHeads(string Slug, int FromSize = 1, int Max = 1000) : IRequest<IReadOnlyList<JsonNode>>;

public sealed class GetTreeHeadsHandler(WorkflowDb db) : IRequestHandler<GetTreeHeads, IReadOnlyList<JsonNode>>
{
    public async Task<IReadOnlyList<JsonNode>> Handle(GetTreeHeads request, CancellationToken ct)
    {
        var statement = await db.FindPublishedAsync(request.Slug, ct);
        var max = Math.Clamp(request.Max, 1, 1000);
        var entries = db.LogEntries.AsNoTracking().Where(e => e.StatementId == statement.Id);
        var heads = request.FromSize <= 0
            ? (await entries.OrderByDescending(e => e.Index).Take(max).Select(e => e.Head).ToListAsync(ct)).AsEnumerable()
                .Reverse().ToList()
            : await entries.Where(e => e.Index >= request.FromSize - 1).OrderBy(e => e.Index).Take(max).Select(e => e.Head).ToListAsync(ct);
        return heads.Select(h => JsonNode.Parse(h)!).ToList();
    }
}
