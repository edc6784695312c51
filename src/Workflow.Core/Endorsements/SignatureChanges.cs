using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>The signatory takes its signature back, through its invitation link.</summary>
public sealed record WithdrawSignature(string Token, string? Note) : IRequest<SignatureReceipt>;

public sealed class WithdrawSignatureValidator : AbstractValidator<WithdrawSignature>
{
    public WithdrawSignatureValidator() => RuleFor(r => r.Note).MaximumLength(Signature.NoteMaxLength);
}

public sealed class WithdrawSignatureHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<WithdrawSignature, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(WithdrawSignature request, CancellationToken ct)
    {
        var invitation = await db.FindLiveByTokenAsync(request.Token, ct);
        var signature = await db.Signatures.SingleOrDefaultAsync(s => s.EndorsementRequestId == invitation.Id, ct)
            ?? throw new ConflictException("This invitation has not been signed; there is nothing to withdraw.");
        signature.Withdraw(request.Note, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await db.ReceiptAsync(signature, ct);
    }
}

/// <summary>A drafter takes a signature off the list because it is not genuine, was made by mistake, or duplicates another.</summary>
public sealed record InvalidateSignature(string UserId, Guid StatementId, Guid SignatureId, InvalidationReason? Reason, string? Note)
    : IRequest<SignatureReceipt>;

public sealed class InvalidateSignatureValidator : AbstractValidator<InvalidateSignature>
{
    public InvalidateSignatureValidator()
    {
        RuleFor(r => r.Reason).NotNull().IsInEnum();
        RuleFor(r => r.Note).MaximumLength(Signature.NoteMaxLength);
    }
}

public sealed class InvalidateSignatureHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<InvalidateSignature, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(InvalidateSignature request, CancellationToken ct)
    {
        var signature = await db.LoadSignatureForDraftingAsync(request.StatementId, request.SignatureId, request.UserId, ct);
        signature.Invalidate(request.Reason!.Value, request.Note, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await db.ReceiptAsync(signature, ct);
    }
}

/// <summary>A drafter corrects how a signatory's name is shown on this statement's list.</summary>
public sealed record CorrectSignatoryName(string UserId, Guid StatementId, Guid SignatureId, string Name, string? NameEnglish, string? Acronym)
    : IRequest<SignatureReceipt>;

public sealed class CorrectSignatoryNameValidator : AbstractValidator<CorrectSignatoryName>
{
    public CorrectSignatoryNameValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Organisations.Organisation.NameMaxLength).IsSingleLineName();
        RuleFor(r => r.NameEnglish).MaximumLength(Organisations.Organisation.NameMaxLength).IsSingleLineName();
        RuleFor(r => r.Acronym).MaximumLength(Organisations.Organisation.AcronymMaxLength).IsSingleLineName();
    }
}

public sealed class CorrectSignatoryNameHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<CorrectSignatoryName, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(CorrectSignatoryName request, CancellationToken ct)
    {
        var signature = await db.LoadSignatureForDraftingAsync(request.StatementId, request.SignatureId, request.UserId, ct);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == signature.OrganisationId, ct);
        signature.CorrectDisplayedName(organisation, request.Name, request.NameEnglish, request.Acronym, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await db.ReceiptAsync(signature, ct);
    }
}

/// <summary>Every signature of a statement, active or not, with its history: what the drafters see.</summary>
/// <param name="SignatureId">Only this signature, if given.</param>
public sealed record ListSignatures(string UserId, Guid StatementId, Guid? SignatureId = null) : IRequest<IReadOnlyList<SignatureRecord>>;

/// <param name="NameCorrectedBySignatory">The organisation signed under another spelling of its name than it was invited under; the invited one follows.</param>
/// <param name="Reconfirmation">Whether the signatory still has to confirm the text now open for signature, did so, or never had to.</param>
/// <param name="SignerEmail">
/// The address the invitation was sent to, or the sign-on confirmed: for those who see the statement's personal data
/// (<see cref="Statements.PersonalData"/>), otherwise null; null too for a signature the drafters recorded.
/// </param>
public sealed record SignatureRecord(
    Guid Id, int Number, string Phase, string Status, OrganisationView Organisation, string DisplayedName,
    string? DisplayedNameEnglish, string? DisplayedAcronym, int VersionNumber, string TextHash, string? SignerName, string? SignerRole,
    DateTimeOffset? SignedAt, DateTimeOffset RecordedAt, string? RecordedBy, DateTimeOffset? EndedAt, string? EndedBy,
    string? InvalidationReason, string? EndNote, int ConfirmedVersionNumber, DateTimeOffset? ReconfirmedAt, bool NeedsReconfirmation,
    Workflow.Proof.Provenance Provenance, bool NameCorrectedBySignatory, string? InvitedName, string? InvitedNameEnglish, string? InvitedAcronym,
    ReconfirmationState Reconfirmation, string? SignerEmail);

public sealed class ListSignaturesHandler(WorkflowDb db) : IRequestHandler<ListSignatures, IReadOnlyList<SignatureRecord>>
{
    public async Task<IReadOnlyList<SignatureRecord>> Handle(ListSignatures request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var rows = await (
            from s in db.Signatures.AsNoTracking()
            join o in db.Organisations on s.OrganisationId equals o.Id
            where s.StatementId == request.StatementId && (request.SignatureId == null || s.Id == request.SignatureId)
            orderby s.Number
            select new { s, o }).ToListAsync(ct);
        var emails = statement.ShowsPersonalDataTo(request.UserId) ? await SignerEmailsAsync(request.StatementId, ct) : [];
        return rows.Select(x => new SignatureRecord(x.s.Id, x.s.Number, x.s.Phase.ToString(), x.s.Status.ToString(), OrganisationView.From(x.o),
            x.s.DisplayName ?? x.o.Name, x.s.DisplayName is null ? x.o.NameEnglish : x.s.DisplayNameEnglish,
            x.s.DisplayName is null ? x.o.Acronym : x.s.DisplayAcronym, x.s.VersionNumber, x.s.TextHash, x.s.SignerName, x.s.SignerRole,
            x.s.SignedAt, x.s.RecordedAt, x.s.RecordedBy, x.s.EndedAt, x.s.EndedBy, x.s.InvalidationReason?.ToString(), x.s.EndNote,
            x.s.ConfirmedVersionNumber, x.s.ReconfirmedAt, x.s.NeedsReconfirmation(statement.SignableVersionNumber),
            Publishing.ProvenanceFacts.Of(x.s),
            x.s.NameCorrectedBySignatory, x.s.InvitedName, x.s.InvitedNameEnglish, x.s.InvitedAcronym,
            x.s.ReconfirmationAt(statement.SignableVersionNumber), emails.GetValueOrDefault(x.s.Id))).ToList();
    }

    /// <summary>Whom each signature's link was written to: the invitation's address, or the address a sign-on confirmed.</summary>
    private async Task<Dictionary<Guid, string>> SignerEmailsAsync(Guid statementId, CancellationToken ct)
    {
        var invited = await (
            from s in db.Signatures.AsNoTracking()
            join r in db.EndorsementRequests on s.EndorsementRequestId equals r.Id
            where s.StatementId == statementId
            select new { s.Id, r.Email }).ToListAsync(ct);
        var signedOn = await db.SignOnEntries.AsNoTracking()
            .Where(e => e.StatementId == statementId && e.SignatureId != null)
            .Select(e => new { Id = e.SignatureId!.Value, e.Email }).ToListAsync(ct);
        return invited.Concat(signedOn).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().Email);
    }
}

internal static class SignatureLookup
{
    /// <summary>Refuses a second standing signature of one organisation on one statement (a withdrawn or invalidated one does not count).</summary>
    public static async Task EnsureNotSignedYetAsync(this WorkflowDb db, Guid statementId, Organisations.Organisation organisation, CancellationToken ct)
    {
        if (await db.Signatures.AnyAsync(s => s.StatementId == statementId && s.OrganisationId == organisation.Id && s.Status == SignatureStatus.Active, ct))
            throw AlreadySigned(organisation);
    }

    public static ConflictException AlreadySigned(Organisations.Organisation organisation) => new($"{organisation.Name} has already signed this statement.");

    /// <summary>Whether this organisation may sign now: not signed yet, and, unless it is one, after the initiators.</summary>
    public static async Task EnsureMaySignAsync(this WorkflowDb db, Statements.Statement statement, Organisations.Organisation organisation, CancellationToken ct)
    {
        await db.EnsureNotSignedYetAsync(statement.Id, organisation, ct);
        await db.EnsureInitiatorsSignedFirstAsync(statement, organisation, ct);
    }

    public static async Task EnsureInitiatorsSignedFirstAsync(this WorkflowDb db, Statements.Statement statement, Organisations.Organisation organisation, CancellationToken ct)
    {
        if (statement.InitiatorIds.Count == 0) return;
        var standing = await db.Signatures.Where(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active).Select(s => s.OrganisationId).ToListAsync(ct);
        statement.EnsureInitiatorsSignedBefore(organisation, standing);
    }

    public static async Task<Signature> LoadSignatureForDraftingAsync(this WorkflowDb db, Guid statementId, Guid signatureId, string userId, CancellationToken ct)
    {
        await db.LoadForDraftingAsync(statementId, userId, ct);
        return await db.Signatures.SingleOrDefaultAsync(s => s.Id == signatureId && s.StatementId == statementId, ct)
            ?? throw new NotFoundException("signature");
    }

    public static async Task<SignatureReceipt> ReceiptAsync(this WorkflowDb db, Signature signature, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().SingleAsync(s => s.Id == signature.StatementId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == signature.OrganisationId, ct);
        return SignatureReceipt.From(signature, statement, organisation, await Publishing.SignatoryLogQueries.ReceiptDocumentAsync(db, signature, ct));
    }
}
