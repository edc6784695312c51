using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

/// <summary>
/// An owner or editor saves a new version. Once signatures exist this is still possible: the new version becomes the
/// one to sign and every standing signature is asked to confirm it.
/// </summary>
/// <param name="BaseVersion">The version the client edited; a save based on an older one is refused with 409 and the diff to the latest.</param>
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

public sealed class ReviseDraftHandler(WorkflowDb db, TimeProvider clock, IDataProtectionProvider dataProtection) : IRequestHandler<ReviseDraft, VersionDetails>
{
    public async Task<VersionDetails> Handle(ReviseDraft request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct, StatementRole.Editor);
        await db.EnsureLatestBaseAsync(statement, request.BaseVersion, ct);
        await db.EnsureReconfirmationsExpectedAsync(statement, request.ExpectedReconfirmations, ct);
        var version = statement.Revise(request.Title.Trim(), request.Body, request.BaseVersion, request.UserId, now, request.ChangeNote);
        await db.AddVersionAsync(statement, version, dataProtection, now, ct);
        await db.SaveChangesAsync(ct);
        return VersionDetails.From(version);
    }
}

/// <summary>An owner or editor brings back an older version's text as a new version; history is never rewritten.</summary>
public sealed record RestoreVersion(string UserId, Guid StatementId, int Number, int BaseVersion, string? ChangeNote) : IRequest<VersionDetails>;

public sealed class RestoreVersionValidator : AbstractValidator<RestoreVersion>
{
    public RestoreVersionValidator()
    {
        RuleFor(r => r.BaseVersion).GreaterThan(0);
        RuleFor(r => r.ChangeNote).MaximumLength(StatementVersion.ChangeNoteMaxLength);
    }
}

public sealed class RestoreVersionHandler(WorkflowDb db, TimeProvider clock, IDataProtectionProvider dataProtection) : IRequestHandler<RestoreVersion, VersionDetails>
{
    public async Task<VersionDetails> Handle(RestoreVersion request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct, StatementRole.Editor);
        var old = await db.StatementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.StatementId == statement.Id && v.Number == request.Number, ct)
            ?? throw new NotFoundException("version");
        await db.EnsureLatestBaseAsync(statement, request.BaseVersion, ct);
        var version = statement.Revise(old.Title, old.Body, request.BaseVersion, request.UserId, now,
            request.ChangeNote ?? $"Restores version {old.Number}.", restoredFrom: old.Number);
        await db.AddVersionAsync(statement, version, dataProtection, now, ct);
        await db.SaveChangesAsync(ct);
        return VersionDetails.From(version);
    }
}

/// <summary>Word-level differences between two versions.</summary>
public sealed record CompareVersions(string UserId, Guid StatementId, int From, int To) : IRequest<TextDiffView>;

public sealed class CompareVersionsHandler(WorkflowDb db) : IRequestHandler<CompareVersions, TextDiffView>
{
    public async Task<TextDiffView> Handle(CompareVersions request, CancellationToken ct)
    {
        await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var versions = await db.StatementVersions.AsNoTracking()
            .Where(v => v.StatementId == request.StatementId && (v.Number == request.From || v.Number == request.To)).ToListAsync(ct);
        var from = versions.SingleOrDefault(v => v.Number == request.From) ?? throw new NotFoundException("version");
        var to = versions.SingleOrDefault(v => v.Number == request.To) ?? throw new NotFoundException("version");
        return TextDiff.Between(from, to);
    }
}
