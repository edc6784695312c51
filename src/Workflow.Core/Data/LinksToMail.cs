using Workflow.Core.Common;

namespace Workflow.Core.Data;

/// <summary>
/// The links a unit of work sends by e-mail. The domain keeps a link only as its hash, and its events name the link by that hash;
/// the use case that made the link lends it here, and <see cref="IntegrationEvents"/> puts its protected form into the message for
/// the e-mail consumer. A link's secret thus never passes through a domain method.
/// </summary>
public sealed class LinksToMail
{
    private readonly Dictionary<string, string> _protectedByHash = new(StringComparer.Ordinal);

    public void Add(LinkToken link) => _protectedByHash[link.Hash] = link.ProtectedForEmail;

    /// <summary>A fresh link, which this save sends.</summary>
    public LinkToken New(ILinkTokens tokens)
    {
        var link = tokens.New();
        Add(link);
        return link;
    }

    /// <summary>The link's form for the e-mail. An event that sends a link the use case did not lend is a bug, not a message to
    /// send without it.</summary>
    internal string ProtectedFor(string linkHash) => _protectedByHash.TryGetValue(linkHash, out var protectedForEmail)
        ? protectedForEmail
        : throw new InvalidOperationException("An event sends a link that its use case did not lend to the save (LinksToMail.Add).");
}
