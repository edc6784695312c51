using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Drafting;

namespace Workflow.Core.Statements;

/// <summary>What every new version of a statement's text entails, whichever use case made it (an edit, a restore, an amendment).</summary>
public static class TextChanges
{
    /// <summary>
    /// 409 for a save based on a version that is no longer the latest, with the diff from that version to the
    /// latest, so the client can merge its change into what was saved meanwhile.
    /// </summary>
    public static async Task EnsureLatestBaseAsync(this WorkflowDb db, Statement statement, int baseVersion, CancellationToken ct)
    {
        if (baseVersion == statement.LatestVersionNumber) return;
        var latest = await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct);
        var based = await db.StatementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.StatementId == statement.Id
            && v.Number == baseVersion, ct)
            ?? throw new DomainRuleException("baseVersion", $"The statement has no version {baseVersion}.");
        throw new ConflictException(
            $"Version {baseVersion} is not the latest: version {latest.Number} was saved meanwhile. Merge your changes into it and " +
            "save again.",
            new Dictionary<string, object?> { ["latestVersion"] = latest.Number, ["baseVersion"] = baseVersion,
            ["diff"] = TextDiff.Between(based, latest) });
    }

    /// <summary>How many standing signatures a new version would ask to confirm it: all of them, once the statement is open for
    /// signature.</summary>
    public static async Task<int> SignaturesToReconfirmAsync(this WorkflowDb db, Statement statement, CancellationToken ct) =>
        statement.NewVersionIsToSign
            ? await db.Signatures.CountAsync(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active, ct)
            : 0;

    /// <summary>
    /// 409 when the client said how many signatures its save would ask to re-confirm and the number is not that (a
    /// signature came in meanwhile, or the client did not know of any): nothing is saved, and the number is in the answer.
    /// Without an expected number the save goes ahead, as it did before clients could say.
    /// </summary>
    public static async Task EnsureReconfirmationsExpectedAsync(this WorkflowDb db, Statement statement, int? expected,
        CancellationToken ct)
    {
        if (expected is not { } acknowledged) return;
        var count = await db.SignaturesToReconfirmAsync(statement, ct);
        if (count == acknowledged) return;
        throw new ConflictException(
            $"Saving a new version asks {count} standing signature(s) to confirm the new text, not {acknowledged}. Send " +
            $"expectedReconfirmations = {count} to save it.",
            new Dictionary<string, object?> { [ReconfirmationsKey] = count, ["expectedReconfirmations"] = acknowledged });
    }

    /// <summary>The extension of <see cref="EnsureReconfirmationsExpectedAsync"/>'s 409 giving the number of signatures.</summary>
    public const string ReconfirmationsKey = "reconfirmations";

    /// <summary>
    /// Adds the new version and, when signatures were already gathered on an earlier text, asks each standing one to
    /// confirm the new text: with a fresh link to the address it came from, or — for one a drafter recorded — nothing
    /// to send (the drafters confirm it on the signatory's word).
    /// </summary>
    public static async Task AddVersionAsync(this WorkflowDb db, Statement statement, StatementVersion version, ILinkTokens linkTokens,
        DateTimeOffset now, CancellationToken ct)
    {
        db.StatementVersions.Add(version);
        var wereCurrent = (await db.LatestTranslationsAsync(statement.Id, ct))
            .Where(t => t.TranslatesVersion == version.Number - 1).ToList();
        statement.MarkTranslationsStale(wereCurrent.Select(t => (t.Language, t.TranslatesVersion)), now);
        if (statement.SignableVersionNumber != version.Number) return;

        var signatures = await db.Signatures.Where(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active)
            .ToListAsync(ct);
        foreach (var signature in signatures)
        {
            SignatoryContact? contact = null;
            if (signature.InvitationId is { } invitationId)
            {
                var invitation = await db.Invitations.SingleAsync(r => r.Id == invitationId, ct);
                var link = db.LinksToMail.New(linkTokens);
                db.RetiredLinks.Add(invitation.ReissueLink(link.Hash, now));
                contact = new(invitation.Email, invitation.Language, "invitation", link.Hash);
            }
            else if (await db.SignOnEntries.SingleOrDefaultAsync(e => e.SignatureId == signature.Id, ct) is { } entry)
            {
                var link = db.LinksToMail.New(linkTokens);
                db.RetiredLinks.Add(entry.ReissueLink(link.Hash, now));
                contact = new(entry.Email, entry.Language, "sign-on", link.Hash);
            }
            signature.RequestReconfirmation(version, contact, now);
        }
    }
}
