namespace Workflow.Core.Common;

/// <summary>
/// A fresh link's secret. <see cref="Value"/> is the token in the link, handed only to whoever must pass it on;
/// the database keeps <see cref="Hash"/>, and the event that asks for the e-mail carries <see cref="ProtectedForEmail"/>,
/// which only the e-mail consumer can open.
/// </summary>
public sealed record LinkToken(string Value, string Hash, string ProtectedForEmail);

/// <summary>Mints link tokens. Protecting them for the e-mail consumer is the host's business (ASP.NET Core data protection).</summary>
public interface ILinkTokens
{
    LinkToken New();

    /// <summary>A token already given out, with its hash and protected form (a receipt carries the link the signer used).</summary>
    LinkToken Of(string token);
}
