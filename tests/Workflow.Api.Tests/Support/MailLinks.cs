using System.Text.RegularExpressions;

namespace Workflow.Api.Tests.Support;

public static class MailLinks
{
    /// <summary>
    /// The token of the page link under <paramref name="pagePath"/> (such as /sign) in the latest e-mail to this address (waiting for it),
    /// as the API path under <paramref name="apiPath"/> that the page's token also opens.
    /// </summary>
    public static async Task<string> ApiLinkFromMailAsync(this WorkflowApiFactory factory, string email, string pagePath, string apiPath,
        string? subjectStart = null) =>
        $"{apiPath}/{(await factory.LinkFromMailAsync(email, pagePath, subjectStart))[(pagePath.Length + 1)..]}";

    /// <summary>The address the in-process test server's e-mails link to.</summary>
    public const string TestServer = "http://workflow.test";

    /// <summary>
    /// A link with a token under <paramref name="path"/> (such as /sign) of the service at <paramref name="baseUrl"/>, as its e-mails
    /// carry it; group 1 is the path.
    /// </summary>
    public static Regex LinkUnder(string path, string baseUrl = TestServer) =>
        new($@"{Regex.Escape(baseUrl)}({Regex.Escape(path)}/[A-Za-z0-9_-]{{43}})");

    /// <summary>
    /// The e-mails to this address carrying such a link, oldest first, waiting for one; with <paramref name="subjectStart"/>, only
    /// those whose subject starts so.
    /// </summary>
    public static Task<List<MimeKit.MimeMessage>> MailsWithLinkAsync(this WorkflowApiFactory factory, string email, Regex link,
        string? subjectStart = null) =>
        Eventually.ReturnsAsync(
            async () => (await factory.MailsAsync())
                .Where(m => m.To.Mailboxes.Any(a => a.Address == email)
                    && (subjectStart is null || (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal))
                    && link.IsMatch(m.TextBody ?? ""))
                .OrderBy(m => m.Date).ToList(),
            found => found.Count > 0, $"an e-mail with a link like {link} reaches {email}");

    /// <summary>The link under <paramref name="path"/> in the latest e-mail to this address (waiting for it), as a path on the test
    /// server.</summary>
    public static async Task<string> LinkFromMailAsync(this WorkflowApiFactory factory, string email, string path,
        string? subjectStart = null)
    {
        var link = LinkUnder(path);
        // The latest e-mail with such a link: an account e-mail (a confirmation, say) may have come since.
        var mails = await factory.MailsWithLinkAsync(email, link, subjectStart);
        return link.Match(mails[^1].TextBody ?? "").Groups[1].Value;
    }

    /// <summary>The e-mails other than account e-mails (confirmation, reset…), whose links all lead to /account/ pages.</summary>
    public static List<MimeKit.MimeMessage> WithoutAccountMails(this IEnumerable<MimeKit.MimeMessage> mails) =>
        mails.Where(m => !Regex.IsMatch(m.TextBody ?? "", @"https?://[^/\s]+/account/")).ToList();

    /// <summary>The e-mails in a pickup folder (of this process's service or another's).</summary>
    public static List<MimeKit.MimeMessage> MailsIn(string pickupDirectory) => Directory.Exists(pickupDirectory)
        ? Directory.GetFiles(pickupDirectory, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToList()
        : [];

    /// <summary>
    /// The query ("?userId=…&amp;code=…") of the account link under <paramref name="pagePath"/> (such as /account/confirm-email)
    /// in the latest e-mail to this address that has one, waiting for it.
    /// </summary>
    public static async Task<string> AccountLinkQueryAsync(string pickupDirectory, string email, string pagePath) =>
        (await Eventually.ReturnsAsync(
            () => Task.FromResult(MailsIn(pickupDirectory)
                .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(m => m.Date)
                .Select(m => Regex.Match(m.TextBody ?? "", $@"https?://[^/\s]+{Regex.Escape(pagePath)}(\?\S+)"))
                .LastOrDefault(m => m.Success)?.Groups[1].Value),
            found => found is not null, $"an e-mail with a {pagePath} link reaches {email}"))!;
}
