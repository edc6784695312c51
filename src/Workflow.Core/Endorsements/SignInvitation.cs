using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Organisations;
using Workflow.Core.Data;
using Workflow.Core.Translations;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <param name="TextHash">
/// The hash of the text the signer was shown. When given, the signature is refused (409) if the text
/// open for signature is not that one, so nobody signs a text they did not read.
/// </param>
/// <param name="NameAs">
/// How the organisation wants to appear on the list, when the drafters' spelling of it was not right; the list shows this,
/// while the directory record (shared by other statements) is left as it is.
/// </param>
public sealed record SignInvitation(string Token, string SignerName, string? SignerRole, string? TextHash = null, CorrectedName? NameAs = null)
    : IRequest<SignatureResult>;

public sealed record CorrectedName(string Name, string? NameEnglish, string? Acronym);

/// <param name="Created">False when the invitation had been signed already and this is the same receipt again.</param>
public sealed record SignatureResult(SignatureReceipt Receipt, bool Created);

public sealed class SignInvitationValidator : AbstractValidator<SignInvitation>
{
    public SignInvitationValidator()
    {
        RuleFor(r => r.SignerName).NotEmpty().MaximumLength(Signature.SignerNameMaxLength);
        RuleFor(r => r.SignerRole).MaximumLength(Signature.SignerRoleMaxLength);
        RuleFor(r => r.TextHash!).Matches("^[0-9a-fA-F]{64}$").When(r => r.TextHash is not null)
            .WithMessage("'Text Hash' must be the 64 hexadecimal digits of a SHA-256.");
        RuleFor(r => r.NameAs!.Name).NotEmpty().MaximumLength(Organisation.NameMaxLength).When(r => r.NameAs is not null);
        RuleFor(r => r.NameAs!.NameEnglish).MaximumLength(Organisation.NameMaxLength).When(r => r.NameAs is not null);
        RuleFor(r => r.NameAs!.Acronym).MaximumLength(Organisation.AcronymMaxLength).When(r => r.NameAs is not null);
    }
}

public sealed class SignInvitationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<SignInvitation, SignatureResult>
{
    public async Task<SignatureResult> Handle(SignInvitation request, CancellationToken ct)
    {
        var invitation = await db.FindLiveByTokenAsync(request.Token, ct);
        await using var transaction = await db.LockStatementAsync(invitation.StatementId, ct);
        var statement = await db.Statements.SingleAsync(s => s.Id == invitation.StatementId, ct);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == invitation.OrganisationId, ct);

        // One signature per organisation per statement: if there is one, it is either this invitation's
        // (signed again, perhaps by a concurrent request that won) or the organisation signed another way.
        // One query, so that a concurrent signing of this same link is seen as this link's signature, not another's.
        var standing = await db.Signatures.AsNoTracking().Where(s => s.StatementId == statement.Id
            && (s.EndorsementRequestId == invitation.Id || (s.OrganisationId == organisation.Id && s.Status == SignatureStatus.Active))).ToListAsync(ct);
        if (standing.FirstOrDefault(s => s.EndorsementRequestId == invitation.Id) is { } existing)
            return new SignatureResult(SignatureReceipt.From(existing, statement, organisation), Created: false);
        if (standing.Count > 0) throw new ConflictException($"{organisation.Name} has already signed this statement.");
        await db.EnsureInitiatorsSignedFirstAsync(statement, organisation, ct);

        var now = clock.GetUtcNow();
        invitation.EnsureCanAnswer(statement.SignatureDeadline, now);
        statement.EnsureAcceptsSignatures();
        var version = await db.LoadVersionAsync(statement.Id, statement.SignableVersionNumber!.Value, ct);
        if (request.TextHash is not null && !string.Equals(request.TextHash, version.TextHash, StringComparison.OrdinalIgnoreCase))
            throw new ConflictException("The text open for signature is not the text you were shown. Reload it, read it, and sign again.",
                new Dictionary<string, object?> { ["textHash"] = version.TextHash, ["versionNumber"] = version.Number });

        var shownAs = request.NameAs is { } corrected
            ? new OrganisationDetails(corrected.Name, corrected.NameEnglish, corrected.Acronym, null) : invitation.InvitedAs;
        var signature = statement.Sign(organisation, shownAs, version, request.SignerName, request.SignerRole, invitation.Id, now, recordedBy: null, now,
            await db.SignableTranslationsAsync(statement, ct));
        invitation.MarkSigned(signature.Id, now);
        db.Signatures.Add(signature);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SignatureResult(SignatureReceipt.From(signature, statement, organisation), Created: true);
    }
}
