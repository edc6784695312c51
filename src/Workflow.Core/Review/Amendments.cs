using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Review;

/// <param name="Stale">The paragraph it addresses has changed in the latest version: it can no longer be accepted.</param>
/// <param name="CurrentParagraph">Where that paragraph stands in the latest version, when it has moved but not changed.</param>
public sealed record AmendmentView(Guid Id, int BaseVersionNumber, string Kind, int Paragraph, string? OriginalText, string? Text, string? Rationale,
    string ProposedBy, DateTimeOffset ProposedAt, string State, bool Stale, int? CurrentParagraph, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? RejectionReason, int? ResultingVersionNumber)
{
    public static AmendmentView From(Amendment a, IReadOnlyList<string> latestParagraphs)
    {
        var at = a.State == AmendmentState.Proposed ? a.LocateIn(latestParagraphs) : a.Paragraph;
        return new(a.Id, a.BaseVersionNumber, a.Kind.ToString(), a.Paragraph, a.OriginalText, a.Text, a.Rationale, a.ProposedBy, a.ProposedAt,
            a.State.ToString(), a.State == AmendmentState.Proposed && at is null, at, a.DecidedBy, a.DecidedAt, a.RejectionReason, a.ResultingVersionNumber);
    }
}

public sealed record ListAmendments(string UserId, Guid StatementId) : IRequest<IReadOnlyList<AmendmentView>>;

public sealed class ListAmendmentsHandler(WorkflowDb db) : IRequestHandler<ListAmendments, IReadOnlyList<AmendmentView>>
{
    public async Task<IReadOnlyList<AmendmentView>> Handle(ListAmendments request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var latest = Paragraphs.Of((await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct)).Body);
        var amendments = await db.Amendments.AsNoTracking().Where(a => a.StatementId == statement.Id).OrderBy(a => a.ProposedAt).ToListAsync(ct);
        return amendments.Select(a => AmendmentView.From(a, latest)).ToList();
    }
}

/// <summary>A commenter (or anyone above) proposes to replace, insert or delete a paragraph of a version, with a rationale.</summary>
public sealed record ProposeAmendment(string UserId, Guid StatementId, int BaseVersion, AmendmentKind? Kind, int Paragraph, string? Text, string? Rationale)
    : IRequest<AmendmentView>;

public sealed class ProposeAmendmentValidator : AbstractValidator<ProposeAmendment>
{
    public ProposeAmendmentValidator()
    {
        RuleFor(r => r.BaseVersion).GreaterThan(0);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Text).MaximumLength(Amendment.TextMaxLength);
        RuleFor(r => r.Rationale).MaximumLength(Amendment.RationaleMaxLength);
    }
}

public sealed class ProposeAmendmentHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ProposeAmendment, AmendmentView>
{
    public async Task<AmendmentView> Handle(ProposeAmendment request, CancellationToken ct)
    {
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct, StatementRole.Commenter);
        var version = await db.StatementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.StatementId == statement.Id && v.Number == request.BaseVersion, ct)
            ?? throw new DomainRuleException("baseVersion", $"The statement has no version {request.BaseVersion}.");
        var amendment = Amendment.Propose(statement.Id, version.Number, Paragraphs.Of(version.Body), request.Kind!.Value, request.Paragraph,
            request.Text, request.Rationale, request.UserId, clock.GetUtcNow());
        db.Amendments.Add(amendment);
        await db.SaveChangesAsync(ct);
        var latest = Paragraphs.Of((await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct)).Body);
        return AmendmentView.From(amendment, latest);
    }
}

/// <summary>
/// An owner or editor accepts an amendment: it is applied to the latest version where its paragraph now stands, making a
/// new version credited to the proposer. 409 when the paragraph has changed since (stale).
/// </summary>
public sealed record AcceptAmendment(string UserId, Guid StatementId, Guid AmendmentId) : IRequest<AmendmentView>;

public sealed class AcceptAmendmentHandler(WorkflowDb db, TimeProvider clock, IDataProtectionProvider dataProtection) : IRequestHandler<AcceptAmendment, AmendmentView>
{
    public async Task<AmendmentView> Handle(AcceptAmendment request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct, StatementRole.Editor);
        var amendment = await db.Amendments.SingleOrDefaultAsync(a => a.Id == request.AmendmentId && a.StatementId == statement.Id, ct)
            ?? throw new NotFoundException("amendment");
        var latest = await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct);
        var amended = Paragraphs.Join(amendment.ApplyTo(Paragraphs.Of(latest.Body)));
        var note = $"Amendment ({amendment.Kind.ToString().ToLowerInvariant()} paragraph {amendment.Paragraph} of version {amendment.BaseVersionNumber})" +
            (amendment.Rationale is null ? "" : $": {amendment.Rationale}");
        var version = statement.Revise(latest.Title, amended, latest.Number, request.UserId, now,
            note.Length > StatementVersion.ChangeNoteMaxLength ? note[..StatementVersion.ChangeNoteMaxLength] : note, creditedTo: amendment.ProposedBy);
        await db.AddVersionAsync(statement, version, dataProtection, now, ct);
        amendment.MarkAccepted(version.Number, request.UserId, now);
        await db.SaveChangesAsync(ct);
        return AmendmentView.From(amendment, Paragraphs.Of(version.Body));
    }
}

public sealed record RejectAmendment(string UserId, Guid StatementId, Guid AmendmentId, string? Reason) : IRequest<AmendmentView>;

public sealed class RejectAmendmentValidator : AbstractValidator<RejectAmendment>
{
    public RejectAmendmentValidator() => RuleFor(r => r.Reason).MaximumLength(Amendment.RationaleMaxLength);
}

public sealed class RejectAmendmentHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<RejectAmendment, AmendmentView>
{
    public async Task<AmendmentView> Handle(RejectAmendment request, CancellationToken ct)
    {
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct, StatementRole.Editor);
        var amendment = await db.Amendments.SingleOrDefaultAsync(a => a.Id == request.AmendmentId && a.StatementId == statement.Id, ct)
            ?? throw new NotFoundException("amendment");
        amendment.Reject(request.Reason, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var latest = Paragraphs.Of((await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct)).Body);
        return AmendmentView.From(amendment, latest);
    }
}
