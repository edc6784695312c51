using FluentValidation;
using MediatR;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

/// <summary>
/// An owner or editor saves a new version. Once signatures exist this is still possible: the new version becomes the
/// one to sign and every standing signature is asked to confirm it.
/// </summary>
/// <param name="BaseVersion">The version the client edited; a save based on an older one is refused with 409 and the diff to the
/// latest.</param>
/// <param name="ExpectedReconfirmations">
/// Optional: how many standing signatures the client expects the save to ask to confirm the new text (0 when it expects
/// none); another number is refused with 409 and the real one (<see cref="TextChanges.EnsureReconfirmationsExpectedAsync"/>).
/// </param>
public sealed record ReviseDraft(string UserId, Guid StatementId, string Title, string Body, int BaseVersion, string? ChangeNote = null,
    int? ExpectedReconfirmations = null) : IRequest<VersionDetails>;

public sealed class ReviseDraftValidator : AbstractValidator<ReviseDraft>
{
    public ReviseDraftValidator()
    {
        RuleFor(r => r.Title).IsStatementTitle();
        RuleFor(r => r.Body).IsStatementBody();
        RuleFor(r => r.BaseVersion).GreaterThan(0);
        RuleFor(r => r.ChangeNote).MaximumLength(StatementVersion.ChangeNoteMaxLength);
        RuleFor(r => r.ExpectedReconfirmations).GreaterThanOrEqualTo(0);
    }
}

public sealed class ReviseDraftHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens)
    : IRequestHandler<ReviseDraft, VersionDetails>
{
    public async Task<VersionDetails> Handle(ReviseDraft request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Editor, ct);
        await db.EnsureLatestBaseAsync(statement, request.BaseVersion, ct);
        await db.EnsureReconfirmationsExpectedAsync(statement, request.ExpectedReconfirmations, ct);
        var version = statement.Revise(request.Title.Trim(), request.Body, request.BaseVersion, request.UserId, now, request.ChangeNote);
        await db.AddVersionAsync(statement, version, linkTokens, now, ct);
        await db.SaveChangesAsync(ct);
        return VersionDetails.From(version);
    }
}
