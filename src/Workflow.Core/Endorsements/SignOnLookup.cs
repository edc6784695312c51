using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

internal static class SignOnLookup
{
    /// <summary>
    /// The sign-on behind a link, its current one or one retired when the text changed. 404 alike for a malformed and an
    /// unknown token, so tokens cannot be probed.
    /// </summary>
    public static async Task<SignOnEntry> FindSignOnByTokenAsync(this WorkflowDb db, string token, CancellationToken ct)
    {
        if (!InvitationToken.IsWellFormed(token)) throw new NotFoundException("sign-on");
        var hash = InvitationToken.Hash(token);
        return await db.SignOnEntries.SingleOrDefaultAsync(e => e.ConfirmationTokenHash == hash, ct)
            ?? await db.RetiredLinks.Where(l => l.TokenHash == hash && l.SignOnEntryId != null)
                .Join(db.SignOnEntries, l => l.SignOnEntryId, e => (Guid?)e.Id, (_, e) => e).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("sign-on");
    }

    /// <summary>A sign-on as the moderation queue shows it; an open one with the directory records it may be.</summary>
    public static async Task<SignOnSummary> SummaryOfAsync(this WorkflowDb db, SignOnEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        // Only the queue's open entries need a decision about which record they are.
        var matches = entry.State == SignOnState.AwaitingModeration
            ? (await db.FindMatchesAsync(entry.Organisation, ct)).Select(DirectoryMatch.From).ToList() : [];
        return new SignOnSummary(entry.Id, entry.StatusAt(now), entry.Organisation, entry.Email, entry.SignerName, entry.SignerRole,
            entry.VersionNumber,
            entry.TextHash, entry.SubmittedAt, entry.ConfirmBy, entry.ConfirmedAt, entry.ModeratedAt, entry.ModeratedBy,
            entry.RejectionReason,
            entry.SignatureId, matches);
    }

    public static async Task<SignOnStatus> StatusAsync(this WorkflowDb db, SignOnEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().SingleAsync(s => s.Id == entry.StatementId, ct);
        Endorsements.SignatureReceipt? receipt = null;
        Statements.VersionDetails? toConfirm = null;
        Drafting.TextDiffView? changes = null;
        if (entry.SignatureId is { } signatureId)
        {
            var signature = await db.Signatures.AsNoTracking().SingleAsync(s => s.Id == signatureId, ct);
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == signature.OrganisationId, ct);
            receipt = Endorsements.SignatureReceipt.From(signature, statement, organisation,
                await Publishing.SignatoryLogQueries.ReceiptDocumentAsync(db, signature, ct));
            if (receipt.NeedsReconfirmation)
            {
                var signable = await db.LoadVersionAsync(statement.Id, statement.SignableVersionNumber!.Value, ct);
                toConfirm = Statements.VersionDetails.From(signable);
                changes = Drafting.TextDiff.Between(await db.LoadVersionAsync(statement.Id, signature.ConfirmedVersionNumber,
                    ct), signable);
            }
        }
        return new SignOnStatus(entry.StatusAt(now), statement.Title, entry.Name, entry.SignerName, entry.TextHash, entry.ConfirmBy,
            entry.ConfirmedAt,
            entry.RejectionReason, receipt, toConfirm, changes);
    }
}
