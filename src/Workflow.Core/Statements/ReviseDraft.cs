using FluentValidation;
using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

/// <param name="BaseVersion">The version the client edited; a save based on an older one is refused with 409.</param>
public sealed record ReviseDraft(string UserId, Guid StatementId, string Title, string Body, int BaseVersion) : IRequest<VersionDetails>;

public sealed class ReviseDraftValidator : AbstractValidator<ReviseDraft>
{
    public ReviseDraftValidator()
    {
        RuleFor(r => r.Title).IsStatementTitle();
        RuleFor(r => r.Body).IsStatementBody();
        RuleFor(r => r.BaseVersion).GreaterThan(0);
    }
}

public sealed class ReviseDraftHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ReviseDraft, VersionDetails>
{
    public async Task<VersionDetails> Handle(ReviseDraft request, CancellationToken ct)
    {
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct, StatementRole.Editor);
        var version = statement.Revise(request.Title.Trim(), request.Body, request.BaseVersion, request.UserId, clock.GetUtcNow());
        db.StatementVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return VersionDetails.From(version);
    }
}
