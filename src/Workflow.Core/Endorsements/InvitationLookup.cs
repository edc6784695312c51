using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

internal static class InvitationLookup
{
    /// <summary>
    /// The invitation behind a link, its current one or one retired when the text changed. Unknown, malformed and revoked
    /// tokens all give the same 404, which says nothing about which statements exist.
    /// </summary>
    public static async Task<Invitation> FindLiveByTokenAsync(this WorkflowDb db, string token, CancellationToken ct)
    {
        if (!InvitationToken.IsWellFormed(token)) throw new NotFoundException("invitation");
        var hash = InvitationToken.Hash(token);
        var request = await db.Invitations.SingleOrDefaultAsync(r => r.TokenHash == hash, ct)
            ?? await db.RetiredLinks.Where(l => l.TokenHash == hash && l.InvitationId != null)
                .Join(db.Invitations, l => l.InvitationId, r => (Guid?)r.Id, (_, r) => r).SingleOrDefaultAsync(ct);
        if (request is not { IsLive: true }) throw new NotFoundException("invitation");
        return request;
    }

    /// <summary>The signature given through the invitation behind a link; a 409 saying <paramref name="otherwise"/> when it was not
    /// signed.</summary>
    public static async Task<Signature> FindSignatureByTokenAsync(this WorkflowDb db, string token, string otherwise, CancellationToken ct)
    {
        var invitation = await db.FindLiveByTokenAsync(token, ct);
        return await db.Signatures.SingleOrDefaultAsync(s => s.InvitationId == invitation.Id, ct)
            ?? throw new ConflictException($"This invitation has not been signed; {otherwise}.");
    }
}
