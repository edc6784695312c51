using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <summary>
/// An owner or editor saves a version of a translation, saying which primary version it translates (the latest, as a
/// rule). While the statement is open for signature, a language not yet offered to signers joins the set they may
/// read once it translates the text being signed; a language already in the set stays frozen at its version.
/// </summary>
/// <param name="BaseNumber">The translation version edited (null for the first), so that no edit is silently overwritten.</param>
public sealed record SaveTranslation(string UserId, Guid StatementId, string Language, string Title, string Body, int TranslatesVersion,
    int? BaseNumber, string? ChangeNote) : IRequest<TranslationDetails>;

public sealed class SaveTranslationValidator : AbstractValidator<SaveTranslation>
{
    public SaveTranslationValidator()
    {
        RuleFor(r => r.Language).IsLanguageTag();
        RuleFor(r => r.Title).IsStatementTitle();
        RuleFor(r => r.Body).IsStatementBody();
        RuleFor(r => r.TranslatesVersion).GreaterThan(0);
        RuleFor(r => r.ChangeNote).MaximumLength(StatementVersion.ChangeNoteMaxLength);
    }
}

public sealed class SaveTranslationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<SaveTranslation, TranslationDetails>
{
    public async Task<TranslationDetails> Handle(SaveTranslation request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Editor, ct);
        var language = LanguageTag.Parse(request.Language).Value;
        if (language == LanguageTag.Parse(statement.Language).Value)
            throw new DomainRuleException("language", $"{language} is the statement's own language; edit the statement instead.");
        if (request.TranslatesVersion > statement.LatestVersionNumber)
            throw new DomainRuleException("translatesVersion", $"The statement has no version {request.TranslatesVersion}.");
        var latest = await db.TranslationVersions.Where(v => v.StatementId == statement.Id && v.Language == language)
            .OrderByDescending(v => v.Number).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct) ?? 0;
        if ((request.BaseNumber ?? 0) != latest)
            throw new ConflictException($"Version {latest} of the {language} translation was saved meanwhile; merge your changes into it " +
                "and save again.",
                new Dictionary<string, object?> { ["latestNumber"] = latest });

        var version = TranslationVersion.Create(statement.Id, language, latest + 1, request.Title, request.Body, request.TranslatesVersion,
            request.UserId, request.ChangeNote, now);
        db.TranslationVersions.Add(version);
        statement.OfferTranslation(version.Language, version.Number, version.TranslatesVersion, now);
        await db.SaveChangesAsync(ct);
        return TranslationDetails.From(version, statement.LatestVersionNumber);
    }
}
