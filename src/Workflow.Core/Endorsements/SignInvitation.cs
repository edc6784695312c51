using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Organisations;
using Workflow.Core.Data;
using Workflow.Core.Drafting;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <param name="TextHash">
/// The hash of the text the signer was shown. When given, the signature is refused (409) if the text
/// open for signature is not that one, so nobody signs a text they did not read.
/// </param>
/// <param name="NameAs">
/// How the organisation wants to appear on the list, when the drafters' spelling of it was not right; the list shows this,
/// while the directory record (shared by other statements) is left as it is. The signature keeps the invited names beside it
/// and the drafters see both. A correction to a name (or, in the same country, an acronym) of another organisation of the
/// directory is refused (409): nobody signs under another's name, and the drafters can correct a name themselves. The acronym counts
/// in the same country, or where either country is unknown.
/// </param>
public sealed record SignInvitation(string Token, string SignerName, string? SignerRole, string? TextHash = null,
    CorrectedName? NameAs = null)
    : IRequest<SignatureResult>;

public sealed record CorrectedName(string Name, string? NameEnglish, string? Acronym);

/// <param name="Created">False when the invitation had been signed already and this is the same receipt again.</param>
public sealed record SignatureResult(SignatureReceipt Receipt, bool Created);

public sealed class SignInvitationValidator : AbstractValidator<SignInvitation>
{
    public SignInvitationValidator()
    {
        RuleFor(r => r.SignerName).NotEmpty().MaximumLength(Signature.SignerNameMaxLength).IsSingleLineName();
        RuleFor(r => r.SignerRole).MaximumLength(Signature.SignerRoleMaxLength).IsSingleLineName();
        RuleFor(r => r.TextHash!).IsTextHash().When(r => r.TextHash is not null);
        RuleFor(r => r.NameAs!.Name).NotEmpty().MaximumLength(Organisation.NameMaxLength).IsSingleLineName()
            .When(r => r.NameAs is not null);
        RuleFor(r => r.NameAs!.NameEnglish).MaximumLength(Organisation.NameMaxLength).IsSingleLineName().When(r => r.NameAs is not null);
        RuleFor(r => r.NameAs!.Acronym).MaximumLength(Organisation.AcronymMaxLength).IsSingleLineName().When(r => r.NameAs is not null);
    }
}

/// <summary>Finds the invitation behind the link and hands the signing to the statement's <see cref="SigningQueue"/>, which decides
/// it.</summary>
public sealed class SignInvitationHandler(WorkflowDb db, SigningQueue queue) : IRequestHandler<SignInvitation, SignatureResult>
{
    public async Task<SignatureResult> Handle(SignInvitation request, CancellationToken ct)
    {
        var invitation = await db.FindLiveByTokenAsync(request.Token, ct);
        // A form that sends the name back as it was invited corrects nothing.
        if (request.NameAs is { } unchanged && invitation.WasInvitedAs(unchanged)) request = request with { NameAs = null };
        if (request.NameAs is { } corrected)
        {
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganisationId, ct);
            if (await db.NamesBelongToAnotherAsync(organisation, new OrganisationDetails(corrected.Name, corrected.NameEnglish,
                corrected.Acronym, null), ct))
                throw new ConflictException(
                    "The corrected name or acronym (nameAs) belongs to another organisation in the directory, so your organisation " +
                    "cannot sign under it. " +
                    "Sign under the name you were invited under, or contact the drafters of the statement if the name is yours.",
                    new Dictionary<string, object?> { ["field"] = "nameAs" });
        }
        return await queue.SignAsync(invitation.StatementId, invitation.Id, request, ct);
    }
}
