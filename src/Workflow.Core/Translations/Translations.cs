using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Translations;

/// <param name="Stale">The primary text has changed since the version this translation translates.</param>
/// <param name="InSignableSet">Signers may read this translation version; receipts name it.</param>
public sealed record TranslationSummary(string Language, int LatestNumber, int TranslatesVersion, bool Stale, int? SignableNumber, string TextHash);

public sealed record TranslationDetails(string Language, int Number, string Title, string Body, string BodyHtml, string TextHash, int TranslatesVersion,
    bool Stale, string AuthorId, DateTimeOffset CreatedAt, string? ChangeNote)
{
    public static TranslationDetails From(TranslationVersion v, int latestPrimary) => new(v.Language, v.Number, v.Title, v.Body,
        MarkdownRenderer.ToSafeHtml(v.Body), v.TextHash, v.TranslatesVersion, v.TranslatesVersion != latestPrimary, v.AuthorId, v.CreatedAt, v.ChangeNote);
}

public sealed record ListTranslations(string UserId, Guid StatementId) : IRequest<IReadOnlyList<TranslationSummary>>;

public sealed class ListTranslationsHandler(WorkflowDb db) : IRequestHandler<ListTranslations, IReadOnlyList<TranslationSummary>>
{
    public async Task<IReadOnlyList<TranslationSummary>> Handle(ListTranslations request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var latest = await db.LatestTranslationsAsync(statement.Id, ct);
        var set = statement.SignableTranslationNumbers();
        return latest.Select(v => new TranslationSummary(v.Language, v.Number, v.TranslatesVersion, v.TranslatesVersion != statement.LatestVersionNumber,
            set.TryGetValue(v.Language, out var n) ? n : null, v.TextHash)).ToList();
    }
}

/// <param name="Number">A version of the translation; its latest when null.</param>
public sealed record GetTranslation(string UserId, Guid StatementId, string Language, int? Number) : IRequest<TranslationDetails>;

public sealed class GetTranslationHandler(WorkflowDb db) : IRequestHandler<GetTranslation, TranslationDetails>
{
    public async Task<TranslationDetails> Handle(GetTranslation request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var language = TranslationVersion.NormaliseTag(request.Language);
        var version = await db.TranslationVersions.AsNoTracking()
            .Where(v => v.StatementId == statement.Id && v.Language == language && (request.Number == null || v.Number == request.Number))
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("translation");
        return TranslationDetails.From(version, statement.LatestVersionNumber);
    }
}

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
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct, StatementRole.Editor);
        var language = TranslationVersion.NormaliseTag(request.Language);
        if (language == TranslationVersion.NormaliseTag(statement.Language))
            throw new DomainRuleException("language", $"{language} is the statement's own language; edit the statement instead.");
        if (request.TranslatesVersion > statement.LatestVersionNumber)
            throw new DomainRuleException("translatesVersion", $"The statement has no version {request.TranslatesVersion}.");
        var latest = await db.TranslationVersions.Where(v => v.StatementId == statement.Id && v.Language == language)
            .OrderByDescending(v => v.Number).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct) ?? 0;
        if ((request.BaseNumber ?? 0) != latest)
            throw new ConflictException($"Version {latest} of the {language} translation was saved meanwhile; merge your changes into it and save again.",
                new Dictionary<string, object?> { ["latestNumber"] = latest });

        var version = TranslationVersion.Create(statement.Id, language, latest + 1, request.Title, request.Body, request.TranslatesVersion,
            request.UserId, request.ChangeNote, now);
        db.TranslationVersions.Add(version);
        statement.OfferTranslation(version.Language, version.Number, version.TranslatesVersion, now);
        await db.SaveChangesAsync(ct);
        return TranslationDetails.From(version, statement.LatestVersionNumber);
    }
}

public static class TranslationQueries
{
    /// <summary>The latest version of each of the statement's translations.</summary>
    public static async Task<List<TranslationVersion>> LatestTranslationsAsync(this WorkflowDb db, Guid statementId, CancellationToken ct)
    {
        var all = await db.TranslationVersions.AsNoTracking().Where(v => v.StatementId == statementId).ToListAsync(ct);
        return all.GroupBy(v => v.Language).Select(g => g.MaxBy(v => v.Number)!).OrderBy(v => v.Language).ToList();
    }

    /// <summary>The translation versions signers may read, with their texts.</summary>
    public static async Task<List<TranslationVersion>> SignableTranslationsAsync(this WorkflowDb db, Statement statement, CancellationToken ct)
    {
        var set = statement.SignableTranslationNumbers();
        if (set.Count == 0) return [];
        var languages = set.Keys.ToList();
        var candidates = await db.TranslationVersions.AsNoTracking().Where(v => v.StatementId == statement.Id && languages.Contains(v.Language)).ToListAsync(ct);
        return candidates.Where(v => set[v.Language] == v.Number).OrderBy(v => v.Language).ToList();
    }
}
