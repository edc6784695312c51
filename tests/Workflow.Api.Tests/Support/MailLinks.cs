using System.Text.RegularExpressions;

namespace Workflow.Api.Tests.Support;

public static class MailLinks
{
    /// <summary>
    /// The token of the page link under <paramref name="pagePath"/> (such as /sign) in the latest e-mail to this address (waiting for it),
    /// as the API path under <paramref name="apiPath"/> that the page's token also opens.
    /// </summary>
    public static async Task<string> ApiLinkFromMailAsync(this WorkflowApiFactory factory, string email, string pagePath, string apiPath, string? subjectStart = null) =>
        $"{apiPath}/{(await factory.LinkFromMailAsync(email, pagePath, subjectStart))[(pagePath.Length + 1)..]}";

    /// <summary>The link under <paramref name="path"/> in the latest e-mail to this address (waiting for it), as a path on the test server.</summary>
    public static async Task<string> LinkFromMailAsync(this WorkflowApiFactory factory, string email, string path, string? subjectStart = null)
    {
        var mails = await Eventually.ReturnsAsync(
            async () => (await factory.MailsAsync())
                .Where(m => m.To.Mailboxes.Any(a => a.Address == email) && (subjectStart is null || (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal)))
                .OrderBy(m => m.Date).ToList(),
            found => found.Count > 0, $"an e-mail reaches {email}");
        var link = Regex.Match(mails[^1].TextBody ?? "", $@"http://workflow\.test({Regex.Escape(path)}/[A-Za-z0-9_-]{{43}})").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(link), mails[^1].TextBody);
        return link;
    }
}
