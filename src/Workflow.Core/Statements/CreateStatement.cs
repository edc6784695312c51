using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

/// <param name="Slug">The statement's address in public URLs; by default made from the title.</param>
public sealed record CreateStatement(string UserId, string Title, string Body, string Language, bool AllowsFurtherSignatories, string? Slug = null)
    : IRequest<StatementDetails>;

public sealed class CreateStatementValidator : AbstractValidator<CreateStatement>
{
    public CreateStatementValidator()
    {
        RuleFor(r => r.UserId).NotEmpty();
        RuleFor(r => r.Title).IsStatementTitle();
        RuleFor(r => r.Body).IsStatementBody();
        RuleFor(r => r.Language).IsLanguageTag();
        RuleFor(r => r.Slug!).Must(Common.Slug.IsWellFormed).When(r => r.Slug is not null)
            .WithMessage($"'Slug' must be lower-case letters, digits and hyphens, at most {Common.Slug.MaxLength} characters.");
    }
}

public sealed class CreateStatementHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<CreateStatement, StatementDetails>
{
    public async Task<StatementDetails> Handle(CreateStatement request, CancellationToken ct)
    {
        var title = request.Title.Trim();
        var slug = request.Slug ?? await UniqueSlugAsync(Common.Slug.From(title), ct);
        if (request.Slug is not null && await db.Statements.AnyAsync(s => s.Slug == request.Slug, ct))
            throw new Common.ConflictException($"The slug '{request.Slug}' is taken by another statement.");
        var (statement, version) = Statement.Draft(slug, title, request.Body, request.Language.Trim(),
            request.AllowsFurtherSignatories, request.UserId, clock.GetUtcNow());
        db.Statements.Add(statement);
        db.StatementVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return StatementDetails.From(statement, version);
    }

    // Two statements created at once with the same title may pick the same slug; the unique index
    // rejects the second save and the retry behaviour runs this again, which then sees the first.
    private async Task<string> UniqueSlugAsync(string baseSlug, CancellationToken ct)
    {
        var taken = await db.Statements.Where(s => s.Slug == baseSlug || s.Slug.StartsWith(baseSlug + "-"))
            .Select(s => s.Slug).ToListAsync(ct);
        if (!taken.Contains(baseSlug)) return baseSlug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug}-{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }
}
