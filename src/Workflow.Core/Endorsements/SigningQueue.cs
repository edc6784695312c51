using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Organisations;
using Workflow.Core.Publishing;
using Workflow.Core.Statements;
using Workflow.Core.Drafting;

namespace Workflow.Core.Endorsements;

/// <summary>
/// Signs a statement's invitations in groups (a group commit). Every signature takes the next number of its statement's
/// list and the next link of its chain, so the signings of one statement are strictly sequential: each transaction holds
/// the statement's row lock. One transaction per signature made that lock the bottleneck (about 50-100 signatures a
/// second whatever the number of signers, each waiting behind all the others' round trips). Here, the signings that
/// arrive while one transaction runs wait together and go into the next: one lock, one set of reads and one commit for
/// the whole group.
/// <para>
/// The signings of a group are decided one after another, in order, exactly as they would be alone (a refusal — 404,
/// 409 — is that signing's answer and does not hold back the others), and nobody gets an answer before the group is
/// committed. If the group's save fails, each of its signings is tried again alone, so that one cannot fail its
/// neighbours; a lone signing's failure is its caller's (a lost race is retried by
/// <see cref="RetryOnConflictBehaviour{TRequest,TResponse}"/>).
/// Several processes each group their own signings and still take turns through the row lock.
/// </para>
/// </summary>
public sealed class SigningQueue(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>The most signings one transaction takes: large enough to absorb hundreds of concurrent signers, small enough to keep each
    /// commit short.</summary>
    internal const int MaxGroup = 100;

    private readonly ConcurrentDictionary<Guid, Lane> _lanes = new();

    private sealed class Lane
    {
        public readonly List<Waiting> Queue = [];
        public bool Draining;
        // What the groups of a busy lane would otherwise read again each time: the version open for signature and its
        // translations, rows that never change once written (a new number or set of translations is read afresh).
        // Only the lane's one drainer touches them.
        public StatementVersion? Version;
        public (string Set, List<TranslationVersion> Versions)? Translations;
    }

    private sealed record Waiting(Guid InvitationId, SignInvitation Request, TaskCompletionSource<SignatureResult> Answer);

    public async Task<SignatureResult> SignAsync(Guid statementId, Guid invitationId, SignInvitation request, CancellationToken ct)
    {
        var waiting = new Waiting(invitationId, request,
            new TaskCompletionSource<SignatureResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        // A signer who gives up before their group starts is simply not signed.
        await using var givingUp = ct.Register(() => waiting.Answer.TrySetCanceled(ct));
        while (true)
        {
            var lane = _lanes.GetOrAdd(statementId, _ => new Lane());
            bool start;
            lock (lane)
            {
                // A lane that ran dry is removed from the map; one taken just before that may not be used any more.
                if (!ReferenceEquals(_lanes.GetValueOrDefault(statementId), lane)) continue;
                lane.Queue.Add(waiting);
                start = !lane.Draining;
                lane.Draining = true;
            }
            if (start)
            {
                // The group's work belongs to no one request: it must not carry the first signer's context (trace, logging scope).
                using (ExecutionContext.SuppressFlow()) _ = Task.Run(() => DrainAsync(statementId, lane), CancellationToken.None);
            }
            return await waiting.Answer.Task;
        }
    }

    private async Task DrainAsync(Guid statementId, Lane lane)
    {
        while (true)
        {
            List<Waiting> group;
            lock (lane)
            {
                lane.Queue.RemoveAll(w => w.Answer.Task.IsCompleted);
                if (lane.Queue.Count == 0)
                {
                    lane.Draining = false;
                    _lanes.TryRemove(KeyValuePair.Create(statementId, lane));
                    return;
                }
                group = lane.Queue.Take(MaxGroup).ToList();
                lane.Queue.RemoveRange(0, group.Count);
            }

            try
            {
                await SignTogetherAsync(statementId, lane, group);
            }
            catch (Exception) when (group.Count > 1)
            {
                foreach (var alone in group)
                {
                    try { await SignTogetherAsync(statementId, lane, [alone]); }
                    catch (Exception e) { alone.Answer.TrySetException(e); }
                }
            }
            catch (Exception e)
            {
                group[0].Answer.TrySetException(e);
            }
        }
    }

    private static async Task<List<TranslationVersion>> SignableTranslationsAsync(WorkflowDb db, Statement statement, Lane lane,
        CancellationToken ct)
    {
        var set = string.Join(',', statement.SignableTranslations.Order(StringComparer.Ordinal));
        if (lane.Translations is { } known && known.Set == set) return known.Versions;
        var versions = await db.SignableTranslationsAsync(statement, ct);
        lane.Translations = (set, versions);
        return versions;
    }

    /// <summary>One transaction for the group; answers are given only once it is committed.</summary>
    private async Task SignTogetherAsync(Guid statementId, Lane lane, IReadOnlyList<Waiting> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var linkTokens = scope.ServiceProvider.GetRequiredService<ILinkTokens>();
        // Not the signers' tokens: once a group has started, it finishes for all of its members.
        var ct = CancellationToken.None;
        var (transaction, statement) = await db.LockAndLoadStatementAsync(statementId, ct);
        await using var lockHeld = transaction;
        var invitationIds = group.Select(w => w.InvitationId).ToList();
        var invitations = await db.Invitations.Where(r => invitationIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var organisationIds = invitations.Values.Select(i => i.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        // What decides each signing: its invitation's own signature, its organisation's standing one, the initiators'.
        var watched = organisationIds.Concat(statement.InitiatorIds).Distinct().ToList();
        var standing = await db.Signatures.AsNoTracking().Where(s => s.StatementId == statementId
            && ((s.InvitationId != null && invitationIds.Contains(s.InvitationId.Value))
                || (s.Status == SignatureStatus.Active && watched.Contains(s.OrganisationId)))).ToListAsync(ct);

        var now = clock.GetUtcNow();
        StatementVersion? version = null;
        List<TranslationVersion>? translations = null;
        var answers = new List<(Waiting Waiting, Func<SignatureResult>? Result, Exception? Refusal)>(group.Count);
        foreach (var waiting in group)
        {
            try
            {
                var invitation = invitations.GetValueOrDefault(waiting.InvitationId) is { IsLive: true } live ? live
                    : throw new NotFoundException("invitation");
                var organisation = organisations[invitation.OrganisationId];
                if (standing.FirstOrDefault(s => s.InvitationId == invitation.Id) is { } existing)
                {
                    var proof = await db.ReceiptDocumentAsync(existing, ct);
                    answers.Add((waiting, () => new SignatureResult(SignatureReceipt.From(existing, statement, organisation, proof),
                        Created: false), null));
                    continue;
                }
                statement.EnsureMaySign(organisation, standing.Where(s => s.Status == SignatureStatus.Active)
                    .Select(s => s.OrganisationId).ToList());
                invitation.EnsureCanAnswer(statement.SignatureDeadline, now);
                statement.EnsureAcceptsSignatures();
                version ??= lane.Version is { } known && known.Number == statement.SignableVersionNumber ? known
                    : lane.Version = await db.StatementVersions.AsNoTracking()
                        .SingleAsync(v => v.StatementId == statement.Id && v.Number == statement.SignableVersionNumber!.Value, ct);
                var request = waiting.Request;
                if (request.TextHash is not null) version.EnsureIsTheTextShown(request.TextHash, "sign");

                var shownAs = request.NameAs is { } corrected
                    ? new OrganisationDetails(corrected.Name, corrected.NameEnglish, corrected.Acronym, null) : invitation.InvitedAs;
                translations ??= await SignableTranslationsAsync(db, statement, lane, ct);
                var signature = statement.Sign(organisation, shownAs, version, request.SignerName, request.SignerRole, invitation.Id, now,
                    recordedBy: null,
                    SignatureOrigin.ThroughInvitation(invitation), now, translations);
                if (request.NameAs is not null) signature.RecordCorrectionBySignatory(invitation.InvitedAs, now);
                invitation.MarkSigned(signature.Id, now);
                db.LinksToMail.Add(linkTokens.Of(request.Token));
                invitation.SendReceipt(signature.Id, now);
                db.Signatures.Add(signature);
                standing.Add(signature);
                answers.Add((waiting, () => new SignatureResult(SignatureReceipt.From(signature, statement, organisation),
                    Created: true), null));
            }
            catch (WorkflowException refusal)
            {
                answers.Add((waiting, null, refusal));
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var (waiting, result, refusal) in answers)
        {
            if (result is not null) waiting.Answer.TrySetResult(result());
            else waiting.Answer.TrySetException(refusal!);
        }
    }
}
