using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

/// <summary>An owner or editor brings back an older version's text as a new version; history is never rewritten.</summary>
public sealed record RestoreVersion(string UserId, Guid StatementId, int Number, int BaseVersion, string? ChangeNote)
    : IRequest<VersionDetails>;

public sealed class RestoreVersionValidator : AbstractValidator<RestoreVersion>
{
    public RestoreVersionValidator()
    {
        RuleFor(r => r.BaseVersion).GreaterThan(0);
        RuleFor(r => r.ChangeNote).MaximumLength(StatementVersion.ChangeNoteMaxLength);
    }
}

public sealed class RestoreVersionHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens)
    : IRequestHandler<RestoreVersion, VersionDetails>
{
    public async Task<VersionDetails> Handle(RestoreVersion request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Editor, ct);
        var old = await db.StatementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.StatementId == statement.Id
            && v.Number == request.Number, ct)
            ?? throw new NotFoundException("version");
        await db.EnsureLatestBaseAsync(statement, request.BaseVersion, ct);
        var version = statement.Revise(old.Title, old.Body, request.BaseVersion, request.UserId, now,
            request.ChangeNote ?? $"Restores version {old.Number}.", restoredFrom: old.Number);
        await db.AddVersionAsync(statement, version, linkTokens, now, ct);
        await db.SaveChangesAsync(ct);
        return VersionDetails.From(version);
    }
}
