using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// One browser test's world: the service on a real Kestrel socket (on localhost, so chromium keeps Secure cookies
/// over plain http), Debian's chromium driven by Playwright, and one page in a context with the given locale.
/// Start one per test with <c>await using var browser = await BrowserSession.StartAsync(this);</c>.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>Where chromium is unless WORKFLOW_CHROMIUM says otherwise. Never a browser that Playwright downloads.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>How long any wait for the page may take: generous, since the waits are conditions and end as soon as they hold.</summary>
    public const float BusyMachineTimeout = 90_000;

    /// <summary>
    /// Waiting for a page to be reached means its document is parsed, not every image and style sheet loaded: on a loaded machine
    /// the load event of a page already shown came minutes late, and what a test does next waits for what it needs anyway.
    /// </summary>
    public static readonly PageWaitForURLOptions Parsed = new() { WaitUntil = WaitUntilState.DOMContentLoaded,
        Timeout = BusyMachineTimeout };

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _screenshotDirectory;
    private readonly List<IBrowserContext> _otherContexts = [];
    private int _screenshots;

    private BrowserSession(WorkflowApiFactory factory, string baseUrl, IPlaywright playwright, IBrowser browser, IBrowserContext context,
        IPage page, string screenshotDirectory)
    {
        Factory = factory;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        _screenshotDirectory = screenshotDirectory;
    }

    /// <summary>The service under test, for its e-mails (<c>Factory.MailsAsync()</c>), database and bus.</summary>
    public WorkflowApiFactory Factory { get; }

    /// <summary>The service's address, e.g. http://localhost:41234 (no trailing slash); also its PublicBaseUrl.</summary>
    public string BaseUrl { get; }

    /// <summary>
    /// The first e-mail to this address that carries a link under <paramref name="path"/> (such as /sign) to this service, waiting
    /// for it, and that link, to open in the browser.
    /// </summary>
    public async Task<(MimeKit.MimeMessage Mail, string Link)> FirstMailWithLinkAsync(string email, string path)
    {
        var link = MailLinks.LinkUnder(path, BaseUrl);
        var mail = (await Factory.MailsWithLinkAsync(email, link))[0];
        return (mail, link.Match(mail.TextBody!).Value);
    }

    /// <summary>The link under <paramref name="path"/> (such as /join) in the latest e-mail to this address that carries one, waiting for
    /// it.</summary>
    public async Task<string> LatestMailedLinkAsync(string email, string path, string? subjectStart = null)
    {
        var link = MailLinks.LinkUnder(path, BaseUrl);
        return link.Match((await Factory.MailsWithLinkAsync(email, link, subjectStart))[^1].TextBody!).Value;
    }

    /// <summary>An API client signed in as the account of that address (registered on the pages, say), to set things up.</summary>
    public async Task<HttpClient> SignedInApiClientAsync(string email)
    {
        var api = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var login = await api.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password });
        login.EnsureSuccessStatusCode();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.JsonAsync()).Str("accessToken"));
        return api;
    }

    /// <summary>A plain HTTP client against <see cref="BaseUrl"/>, to set things up through the API.</summary>
    public HttpClient Http { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Starts the service and the browser; screenshots go under the calling test's class and name.</summary>
    public static async Task<BrowserSession> StartAsync(object test, bool importSeeds = false, string locale = "en-GB",
        IDictionary<string, string?>? settings = null, TimeProvider? clock = null, [CallerMemberName] string testName = "")
    {
        Assertions.SetDefaultExpectTimeout(BusyMachineTimeout);
        var chromium = Environment.GetEnvironmentVariable("WORKFLOW_CHROMIUM") is { Length: > 0 } configured
            ? RequireChromium(configured)
            : Support.Servers.DebianPackages.Require("chromium", "The browser tests", () => File.Exists(DefaultChromium)
                ? DefaultChromium : null);

        var baseUrl = $"http://localhost:{FreePort.OnLoopback()}";
        var allSettings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["PublicBaseUrl"] = baseUrl };
        var factory = WorkflowApiFactory.With(importSeeds: importSeeds, settings: allSettings, clock: clock);
        IPlaywright? playwright = null;
        try
        {
            factory.UseKestrel(kestrel => kestrel.ListenLocalhost(new Uri(baseUrl).Port));
            factory.StartServer();

            playwright = await Playwright.CreateAsync();
            var browser = await LaunchAsync(playwright, chromium);
            // The locale also sets Accept-Language, which the service's pages choose their language by.
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = baseUrl });
            // A busy machine (two shared cores) can take far longer than Playwright's defaults to answer a page.
            context.SetDefaultTimeout(BusyMachineTimeout);
            context.SetDefaultNavigationTimeout(BusyMachineTimeout);
            var page = await context.NewPageAsync();

            var screenshots = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", test.GetType().Name, testName);
            return new BrowserSession(factory, baseUrl, playwright, browser, context, page, screenshots);
        }
        catch
        {
            playwright?.Dispose();
            await factory.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Chromium on a loaded machine has been seen not to answer within Playwright's launch timeout (3 minutes; a clean-clone CI
    /// run beside other builds, 2026-12-03). The timed-out process is killed; one more try starts a fresh one.
    /// </summary>
    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright, string chromium)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = chromium,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-background-networking"],
                });
            }
            catch (TimeoutException) when (attempt < 2)
            {
            }
        }
    }

    /// <summary>The path given, or a failure saying how to install chromium: browser tests never skip for want of one.</summary>
    public static string RequireChromium(string path) => File.Exists(path)
        ? path
        : throw new InvalidOperationException(
            $"Browser tests need Debian's chromium at {path}, which is missing. Install it with `apt-get install -y chromium` " +
            "(or point WORKFLOW_CHROMIUM at a chromium binary). Never `playwright install`.");

    /// <summary>Another person's browser: a context of its own (its own cookies), in the given locale.</summary>
    public async Task<IBrowserContext> NewContextAsync(string locale)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = BaseUrl });
        context.SetDefaultTimeout(BusyMachineTimeout);
        context.SetDefaultNavigationTimeout(BusyMachineTimeout);
        _otherContexts.Add(context);
        return context;
    }

    /// <summary>
    /// Creates an account on the registration page (the page then asks to look in the mailbox), confirms the address on the
    /// page that the e-mailed link opens, and, with <paramref name="signIn"/>, signs in: the page is then on My statements.
    /// </summary>
    /// <param name="checkPages">Also check each account page on the way (accessibility, screenshot).</param>
    public async Task RegisterAsync(IPage page, string email, bool signIn = true, bool checkPages = false)
    {
        // By the fields' ids and the forms' buttons, so that a browser in any language registers the same way.
        await GotoAsync(page, "/account/register");
        if (checkPages) await CheckPageAsync(page, "register");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(ApiClient.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await ExpectUrlAsync(page, new System.Text.RegularExpressions.Regex("/account/check-email"));
        if (checkPages) await CheckPageAsync(page, "check-email");
        await ConfirmFromMailAsync(page, email, checkPages);
        if (!signIn) return;
        await GotoAsync(page, "/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(ApiClient.Password);
        await page.Locator("main form:has(#password) button[type=submit]").ClickAsync();
        await ExpectUrlAsync(page, new System.Text.RegularExpressions.Regex("/drafts$"));
    }

    /// <summary>Opens the confirmation link of the latest such e-mail to this address and confirms on its page.</summary>
    public async Task ConfirmFromMailAsync(IPage page, string email, bool checkPages = false)
    {
        await GotoAsync(page, BaseUrl + "/account/confirm-email" + await MailLinks.AccountLinkQueryAsync(Factory.MailPickupDirectory, email,
            "/account/confirm-email"));
        if (checkPages) await CheckPageAsync(page, "confirm-email");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main form button[type=submit]")).ToHaveCountAsync(0);
    }

    /// <summary>Opens a path of the service (e.g. "/statements/x/print") and fails unless it answers 2xx.</summary>
    public Task<IResponse> GotoAsync(string path) => GotoAsync(Page, path);

    public async Task<IResponse> GotoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status.ToString() ?? "nothing"}.");
        return response!;
    }

    /// <summary>Fails with every serious or critical axe-core violation on the page.</summary>
    public Task AssertAccessibleAsync(IPage page) => Accessibility.AssertNoSeriousViolationsAsync(page);

    public Task AssertAccessibleAsync() => AssertAccessibleAsync(Page);

    /// <summary>
    /// Saves a full-page PNG to artifacts/screenshots/&lt;test class&gt;/&lt;test name&gt;/&lt;NN&gt;-&lt;label&gt;.png and returns its
    /// path.
    /// </summary>
    public async Task<string> ScreenshotAsync(IPage page, string label)
    {
        Directory.CreateDirectory(_screenshotDirectory);
        var safeLabel = string.Concat(label.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        var path = Path.Combine(_screenshotDirectory, $"{++_screenshots:00}-{safeLabel}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public Task<string> ScreenshotAsync(string label) => ScreenshotAsync(Page, label);

    /// <summary>
    /// Waits for the page to reach an address; if it does not, fails with what the page says instead (an error on a form, say).
    /// Only the address is waited for: once in CI, Playwright's <c>WaitForURLAsync</c> timed out on a page already at a matching
    /// address and fully shown, waiting for its DOMContentLoaded; what a test does next waits for what it needs anyway.
    /// </summary>
    public static async Task ExpectUrlAsync(IPage page, System.Text.RegularExpressions.Regex address)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!address.IsMatch(page.Url))
        {
            if (waited.Elapsed > TimeSpan.FromMilliseconds(BusyMachineTimeout))
            {
                var shown = await page.Locator("body").InnerTextAsync();
                Assert.Fail($"The page stayed at {page.Url} instead of reaching {address}. It says:\n{shown}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>What every page a browser test visits goes through: the accessibility check, then a screenshot.</summary>
    public async Task CheckPageAsync(IPage page, string label)
    {
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, label);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        foreach (var context in _otherContexts) await context.DisposeAsync();
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Factory.DisposeAsync();
    }

}
