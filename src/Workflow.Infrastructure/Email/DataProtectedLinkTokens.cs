using Microsoft.AspNetCore.DataProtection;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;

namespace Workflow.Infrastructure.Email;

/// <summary>Link tokens protected with ASP.NET Core data protection, for the e-mail consumers (<see cref="EmailLinks"/>) alone to
/// open.</summary>
public sealed class DataProtectedLinkTokens(IDataProtectionProvider dataProtection) : ILinkTokens
{
    // The name under which tokens already waiting in the outbox were protected: changing it would strand their e-mails.
    public const string EmailPurpose = "Workflow.InvitationToken.Email.v1";

    private readonly IDataProtector _forEmail = dataProtection.CreateProtector(EmailPurpose);

    public LinkToken New() => Of(InvitationToken.New());

    public LinkToken Of(string token) => new(token, InvitationToken.Hash(token), _forEmail.Protect(token));
}
