using System.Security.Cryptography;
using System.Web;
using Microsoft.Playwright;
using StbImageSharp;
using Workflow.Api.Tests.Support;
using ZXing;
using ZXing.Common;

namespace Workflow.Api.Tests.Browser;

/// <summary>The account pages in a browser: confirming an address, resetting a password, two-factor sign-in set up from its QR
/// code.</summary>
public sealed class AccountPageTests
{
    private const string NewPassword = "Another-horse-7";

    [Fact]
    public async Task A_new_account_confirms_its_address_with_the_emailed_link_and_then_may_invite()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var page = browser.Page;
        var email = $"new-{Guid.NewGuid():N}@example.org";
        await browser.RegisterAsync(page, email, signIn: false, checkPages: true);
        await browser.GotoAsync(page, "/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/drafts", BrowserSession.Parsed);

        await page.GetByRole(AriaRole.Link, new() { Name = "My account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#account-email")).ToHaveTextAsync(email);
        // Confirmed: no request to confirm.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send the link again" })).ToHaveCountAsync(0);
        await browser.CheckPageAsync(page, "account");
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var page = browser.Page;
        var email = $"forgetful-{Guid.NewGuid():N}@example.org";
        await browser.RegisterAsync(page, email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);

        await browser.GotoAsync(page, "/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await browser.CheckPageAsync(page, "forgot-password");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account has this address");

        await browser.GotoAsync(page, browser.BaseUrl + "/account/reset-password" +
            await MailLinks.AccountLinkQueryAsync(browser.Factory.MailPickupDirectory, email, "/account/reset-password"));
        await browser.CheckPageAsync(page, "reset-password");
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the new password" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login", BrowserSession.Parsed);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed");

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail or the password is not right.");
        await page.GetByLabel("Password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/drafts", BrowserSession.Parsed);
    }

    [Fact]
    public async Task Two_factor_sign_in_is_set_up_by_scanning_the_qr_code_and_a_recovery_code_works_once()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var page = browser.Page;
        var email = $"careful-{Guid.NewGuid():N}@example.org";
        await browser.RegisterAsync(page, email);

        await browser.GotoAsync(page, "/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up two-factor sign-in" }).ClickAsync();
        await page.WaitForURLAsync("**/account/two-factor", BrowserSession.Parsed);
        await Assertions.Expect(page.Locator("#qr-code")).ToBeVisibleAsync();
        // The image is a request of its own: visible is its box, not yet its picture on a busy machine.
        await page.WaitForFunctionAsync(
            "() => { const qr = document.getElementById('qr-code'); return qr.complete && qr.naturalWidth > 0; }",
            null, new() { Timeout = BrowserSession.BusyMachineTimeout });
        await browser.CheckPageAsync(page, "two-factor-setup");

        // What an authenticator app does: read the QR code from the screen.
        var uri = new Uri(ReadQrCode(await page.Locator("#qr-code").ScreenshotAsync()));
        Assert.Equal("otpauth", uri.Scheme);
        Assert.Equal("totp", uri.Host);
        Assert.Equal($"/Workflow:{email}", Uri.UnescapeDataString(uri.AbsolutePath));
        var query = HttpUtility.ParseQueryString(uri.Query);
        Assert.Equal("Workflow", query["issuer"]);
        var secret = query["secret"]!;
        // The key written out for typing is the same.
        Assert.Equal(secret.ToLowerInvariant(), (await page.Locator("#shared-key").InnerTextAsync())
            .Replace(" ", "", StringComparison.Ordinal));

        await page.GetByLabel("The 6-digit code your app shows").FillAsync(Totp(secret, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn two-factor sign-in on" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.codes li")).ToHaveCountAsync(10);
        await browser.CheckPageAsync(page, "two-factor-recovery-codes");
        var recoveryCode = await page.Locator("ul.codes li").First.InnerTextAsync();

        await SignOutAsync(page);
        await SignInWithPasswordAsync(browser, page, email);
        await browser.CheckPageAsync(page, "login-code");
        await page.GetByLabel("The 6-digit code from your authenticator app, or a recovery code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code is not right.");
        await page.GetByLabel("The 6-digit code from your authenticator app, or a recovery code").FillAsync(recoveryCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/drafts", BrowserSession.Parsed);

        // The recovery code is spent; the app's code still works.
        await SignOutAsync(page);
        await SignInWithPasswordAsync(browser, page, email);
        await page.GetByLabel("The 6-digit code from your authenticator app, or a recovery code").FillAsync(recoveryCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code is not right.");
        await page.GetByLabel("The 6-digit code from your authenticator app, or a recovery code")
            .FillAsync(Totp(secret, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/drafts", BrowserSession.Parsed);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My statements");
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        // The sign-out is a form post: leaving the page before it is answered would abort it and stay signed in.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    }

    private static async Task SignInWithPasswordAsync(BrowserSession browser, IPage page, string email)
    {
        await browser.GotoAsync(page, "/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/account/login/code**", BrowserSession.Parsed);
    }

    /// <summary>Decodes the QR code in a PNG screenshot with ZXing.</summary>
    private static string ReadQrCode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE],
            TryHarder = true } };
        var result = reader.Decode(source);
        Assert.True(result is not null, "No QR code could be read from the screenshot.");
        return result.Text;
    }

    /// <summary>The code an authenticator app shows (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits), computed independently of
    /// Identity.</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.ToUpperInvariant().TrimEnd('=')
            .Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
