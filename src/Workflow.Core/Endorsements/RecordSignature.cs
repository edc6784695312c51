using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Drafting;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>
/// A drafter records a signature gathered outside Workflow (by e-mail, at a conference, from an
/// older list): bound to the version open for signature like any other, and marked as recorded by that drafter.
/// </summary>
/// <param name="SignedAt">When the organisation signed, if not now; never in the future.</param>
/// <param name="SignedAtUnknown">Nobody knows when it signed (an older list that gives no dates): the signature is recorded undated, not
/// dated today.</param>
/// <param name="Note">How the drafters gathered it (by e-mail of 3 March, on paper at the conference…): public, on the list.</param>
/// <param name="Source">The published source it is taken from, when it is imported from one; the list cites it.</param>
public sealed record RecordSignature(
    string UserId, Guid StatementId, OrganisationDetails Organisation, string? SignerName, string? SignerRole, DateTimeOffset? SignedAt,
    bool SignedAtUnknown = false, string? Note = null, string? Source = null)
    : IRequest<SignatureReceipt>;

public sealed class RecordSignatureValidator : AbstractValidator<RecordSignature>
{
    public RecordSignatureValidator()
    {
        RuleFor(r => r.Organisation).NotNull().SetValidator(new OrganisationDetailsValidator());
        RuleFor(r => r.SignerName).MaximumLength(Signature.SignerNameMaxLength).IsSingleLineName();
        RuleFor(r => r.SignerRole).MaximumLength(Signature.SignerRoleMaxLength).IsSingleLineName();
        RuleFor(r => r.SignedAt).GreaterThan(new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero));
        RuleFor(r => r.Note).MaximumLength(Signature.ProvenanceNoteMaxLength);
        RuleFor(r => r.Source).MaximumLength(Signature.ProvenanceSourceMaxLength);
        RuleFor(r => r.SignedAt).Null().When(r => r.SignedAtUnknown).WithMessage("'Signed At' cannot be given when the date is unknown.");
    }
}

public sealed class RecordSignatureHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<RecordSignature, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(RecordSignature request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (request.SignedAt > now) throw new DomainRuleException("signedAt", "A signature cannot be dated in the future.");

        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        statement.EnsureAcceptsSignatures();
        var (organisation, _, shownAs) = await db.ResolveAsync(request.Organisation, now, ct, request.UserId);
        await db.EnsureMaySignAsync(statement, organisation, ct);

        var version = await db.LoadVersionAsync(statement.Id, statement.SignableVersionNumber!.Value, ct);
        var signature = statement.Sign(organisation, shownAs, version, request.SignerName, request.SignerRole, invitationId: null,
            request.SignedAtUnknown ? null : request.SignedAt is { } signedAt ? StoredTime.Of(signedAt) : now, request.UserId,
            string.IsNullOrWhiteSpace(request.Source)
                ? new SignatureOrigin(SignatureProvenance.RecordedByDrafters, Note: request.Note)
                : new SignatureOrigin(SignatureProvenance.Imported, Note: request.Note, Source: request.Source),
            now, await db.SignableTranslationsAsync(statement, ct));
        db.Signatures.Add(signature);
        await db.SaveChangesAsync(ct);
        return SignatureReceipt.From(signature, statement, organisation);
    }
}
