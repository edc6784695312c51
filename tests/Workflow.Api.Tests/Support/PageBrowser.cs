using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// The pages as a browser without JavaScript uses them, over the real HTTP pipeline: cookies kept, redirects not followed,
/// forms posted with the antiforgery token the page gave.
/// </summary>
public sealed partial class PageBrowser(HttpClient client, string? mailPickupDirectory = null)
{
    public HttpClient Client { get; } = client;

    /// <summary>Where the service under test writes its e-mails.</summary>
    public string MailPickupDirectory { get; } = mailPickupDirectory ?? "";

    public static PageBrowser Open(WorkflowApiFactory factory, string? language = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
        });
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new PageBrowser(client, factory.MailPickupDirectory);
    }

    public async Task<string> GetHtmlAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode}\n{html}");
        return html;
    }

    /// <summary>Loads the page, then posts a form of it (the one for <paramref name="handler"/>) with these fields and the page's
    /// token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, IDictionary<string, string> fields, string? handler = null)
    {
        var html = await GetHtmlAsync(pagePath);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = TokenIn(html) };
        var target = handler is null ? pagePath : $"{pagePath}{(pagePath.Contains('?') ? '&' : '?')}handler={handler}";
        return await Client.PostAsync(target, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// Registers an account through the registration page, confirms its address on the page the e-mailed link opens, and
    /// signs in on the sign-in page: the browser is then signed in.
    /// </summary>
    public async Task<string> RegisterAsync(string? email = null)
    {
        email ??= $"drafter-{Guid.NewGuid():N}@example.org";
        var response = await SubmitAsync("/account/register",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = "/account/confirm-email" +
            await MailLinks.AccountLinkQueryAsync(MailPickupDirectory, email, "/account/confirm-email");
        var confirmed = await SubmitAsync(confirmation, new Dictionary<string, string>());
        Assert.Contains("Your e-mail address is confirmed.", await confirmed.Content.ReadAsStringAsync());
        var signedIn = await SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return email;
    }

    public static string TokenIn(string html)
    {
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, "The page has no antiforgery token:\n" + html);
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
