using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <param name="TextHash">The hash of the text the signer was shown (from the form): the entry is bound to it.</param>
public sealed record SubmitSignOn(string Slug, OrganisationDetails Organisation, string Email, string SignerName, string? SignerRole,
    string TextHash, string? Language) : IRequest<SignOnReceipt>;

/// <summary>What the public is told after submitting: to look for the confirmation e-mail. Nothing about other entries.</summary>
public sealed record SignOnReceipt(Guid Id, string State, DateTimeOffset ConfirmBy, string Message);

public sealed class SubmitSignOnValidator : AbstractValidator<SubmitSignOn>
{
    public SubmitSignOnValidator()
    {
        RuleFor(r => r.Organisation).NotNull().SetValidator(new OrganisationDetailsValidator());
        RuleFor(r => r.Organisation.Name).NotEmpty().When(r => r.Organisation is not null);
        RuleFor(r => r.Email).NotEmpty().MaximumLength(Invitation.EmailMaxLength).EmailAddress();
        RuleFor(r => r.SignerName).NotEmpty().MaximumLength(Signature.SignerNameMaxLength).IsSingleLineName();
        RuleFor(r => r.SignerRole).MaximumLength(Signature.SignerRoleMaxLength).IsSingleLineName();
        RuleFor(r => r.TextHash).IsTextHash();
        RuleFor(r => r.Language!).Must(l => InterfaceLanguages.IsSupported(l))
            .When(r => !string.IsNullOrWhiteSpace(r.Language))
            .WithMessage($"'Language' must be one of the languages e-mails are written in: {string.Join(", ", InterfaceLanguages.All)}.");
    }
}

public sealed class SubmitSignOnHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens, IOptions<OpenSignOnOptions> options,
    PendingSignOnCounts pendingCounts)
    : IRequestHandler<SubmitSignOn, SignOnReceipt>
{
    public async Task<SignOnReceipt> Handle(SubmitSignOn request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var limits = options.Value;
        var statement = await db.LoadTakingSignOnsAsync(request.Slug, ct);
        var version = await db.LoadVersionAsync(statement.Id, statement.SignableVersionNumber!.Value, ct);
        version.EnsureIsTheTextShown(request.TextHash, "sign");

        var email = request.Email.Trim();
        var domain = SignOnEntry.DomainOf(email);
        var pending = db.SignOnEntries.Where(e => e.StatementId == statement.Id
            && (e.State == SignOnState.AwaitingModeration || (e.State == SignOnState.AwaitingConfirmation && e.ConfirmBy > now)));
        // The same address has the same domain: the domain's index narrows the search to a few rows.
        if (await pending.AnyAsync(e => e.EmailDomain == domain && e.Email.ToLower() == email.ToLower(), ct))
            throw new ConflictException("A sign-on from this address is already waiting for confirmation or for the drafters. Look for " +
                "the e-mail we sent.");
        if (await pendingCounts.IsFullAsync(statement.Id, limits.MaxPendingPerStatement, upTo => pending.Take(upTo).CountAsync(ct)))
            throw new TooManyRequestsException("This statement has too many sign-ons waiting for confirmation or moderation. Please try " +
                "again later.");
        var hourAgo = now.AddHours(-1);
        if (await db.SignOnEntries.CountAsync(e => e.StatementId == statement.Id && e.EmailDomain == domain && e.SubmittedAt > hourAgo,
            ct) >= limits.PerEmailDomainPerHour)
            throw new TooManyRequestsException($"Too many sign-ons from addresses at {domain} in the last hour. Please try again later.");

        var link = db.LinksToMail.New(linkTokens);
        var language = InterfaceLanguages.Closest(request.Language);
        var entry = SignOnEntry.Submit(statement.Id, request.Organisation, email, language, request.SignerName, request.SignerRole,
            version.Number, version.TextHash, link.Hash, limits.ConfirmWithin, now);
        db.SignOnEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        pendingCounts.Added(statement.Id);
        return new SignOnReceipt(entry.Id, entry.State.ToString(), entry.ConfirmBy,
            $"We sent a confirmation link to {entry.Email}. Follow it by {entry.ConfirmBy:u}; the drafters then review the signature.");
    }
}
