using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;

namespace Workflow.Core.Publishing;

/// <summary>Recomputes a published statement's signature chain and checks it against the signatures.</summary>
public sealed record VerifyChain(string Slug) : IRequest<ChainVerification>;

/// <param name="Holds">Every hash recomputes, every entry links to the one before, and the list agrees with the chain.</param>
/// <param name="Problems">What does not hold, entry by entry.</param>
public sealed record ChainVerification(string Slug, bool Holds, int Length, string Head, IReadOnlyList<ChainEntryView> Entries, IReadOnlyList<string> Problems);

public sealed record ChainEntryView(int Position, string Kind, Guid SignatureId, Guid OrganisationId, int Number, string TextHash,
    DateTimeOffset OccurredAt, string PreviousHash, string Hash);

public sealed class VerifyChainHandler(WorkflowDb db) : IRequestHandler<VerifyChain, ChainVerification>
{
    public async Task<ChainVerification> Handle(VerifyChain request, CancellationToken ct)
    {
        var statement = await db.FindPublishedAsync(request.Slug, ct);
        var entries = await db.ChainEntries.AsNoTracking().Where(e => e.StatementId == statement.Id).OrderBy(e => e.Position).ToListAsync(ct);
        var signatures = await db.Signatures.AsNoTracking().Where(s => s.StatementId == statement.Id).ToListAsync(ct);

        var problems = new List<string>();
        var previous = ChainEntry.Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Position != i + 1) problems.Add($"Entry {i + 1} is missing: the next one found is {e.Position}.");
            if (e.PreviousHash != previous) problems.Add($"Entry {e.Position} does not follow entry {e.Position - 1}.");
            if (e.ComputeHash() != e.Hash) problems.Add($"Entry {e.Position} does not match its hash.");
            previous = e.Hash;
        }

        // The list must be what the chain says: each signature signed once in it, and off the list exactly when the chain ended it.
        foreach (var s in signatures)
        {
            var own = entries.Where(e => e.SignatureId == s.Id).ToList();
            var signed = own.Where(e => e.Kind == ChainEntryKind.Signed).ToList();
            if (signed.Count != 1 || signed[0].OrganisationId != s.OrganisationId || signed[0].Number != s.Number || signed[0].TextHash != s.TextHash)
                problems.Add($"Signature {s.Number} is not in the chain as it stands in the list.");
            var ended = own.Any(e => e.Kind is ChainEntryKind.Withdrawn or ChainEntryKind.Invalidated);
            if (ended != (s.Status != SignatureStatus.Active))
                problems.Add($"Signature {s.Number} is {(ended ? "active although the chain ended it" : "off the list without an entry in the chain")}.");
        }

        return new ChainVerification(statement.Slug, problems.Count == 0, entries.Count, previous,
            entries.Select(e => new ChainEntryView(e.Position, e.Kind.ToString(), e.SignatureId, e.OrganisationId, e.Number, e.TextHash, e.OccurredAt,
                e.PreviousHash, e.Hash)).ToList(), problems);
    }
}
