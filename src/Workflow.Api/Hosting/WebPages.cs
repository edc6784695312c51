using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Workflow.Api.Pages;

namespace Workflow.Api.Hosting;

/// <summary>The server-rendered pages: Razor Pages by feature folder, in the interface languages, cookies for people, CSP for
/// browsers.</summary>
public static class WebPages
{
    /// <summary>The policy of every page that needs an account: the Identity cookie, with a redirect to the sign-in page.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>The cookie carrying a notice to the next page (TempData).</summary>
    public const string NoticeCookie = "workflow.notice";

    public static readonly CultureInfo[] Languages = [.. Workflow.Core.Common.InterfaceLanguages.Cultures];

    /// <summary>
    /// Scripts only from our own files and no inline script anywhere; nothing may frame the pages; forms post only here.
    /// Endpoints that need another policy (the embeddable widget) set their own.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action " +
        "'self'; frame-ancestors 'none'";

    public static IServiceCollection AddWorkflowPages(this IServiceCollection services, IHostEnvironment environment,
        IConfiguration configuration)
    {
        // In production every cookie is Secure (behind a TLS-terminating proxy, enable forwarded headers so requests count as HTTPS).
        // Running on plain http://localhost for development and the tests, cookies are Secure whenever the request is HTTPS.
        // Cookies:RequireHttps=false says so for a trial on localhost in production mode (the compose file).
        var requireHttps = configuration.GetValue("Cookies:RequireHttps", !(environment.IsDevelopment()
            || environment.IsEnvironment("Testing")));
        var secure = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.AddLocalization();
        // Pages in Arabic, Russian or Greek are written as their letters, not as a numeric character reference for each one
        // (six times the bytes); what HTML itself needs escaped still is.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Languages;
            options.SupportedUICultures = Languages;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The switch on every page sets the cookie; otherwise the browser's Accept-Language decides.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddRazorPages(options =>
        {
            options.Conventions.AddPageRoute("/Statements/Index", "");
            options.Conventions.AuthorizeFolder("/Drafts", SignedIn);
            options.Conventions.AuthorizeFolder("/Join", SignedIn);
            options.Conventions.AuthorizePage("/Account/TwoFactor", SignedIn);
            options.Conventions.AuthorizePage("/Account/Index", SignedIn);
            foreach (var page in (string[])["/Account/CheckEmail", "/Account/ConfirmEmail", "/Account/ForgotPassword",
                "/Account/ResetPassword", "/Account/Login", "/Account/LoginWithCode", "/Account/Register", "/Account/SignOut",
                "/Language", "/Error"])
                options.Conventions.AllowAnonymousToPage(page);
            options.Conventions.AllowAnonymousToFolder("/Statements");
            options.Conventions.AllowAnonymousToFolder("/Sign");
        }).AddMvcOptions(options =>
        {
            options.Filters.Add<ExpectedFailurePageFilter>();
            options.ModelMetadataDetailsProviders.Add(new EmptyFormFieldsStayEmpty());
            // What a form must hold is the use cases' to say (with the field named); the model state only reports values
            // that could not be read at all, which the filter answers with 400.
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        });

        // No LowercaseUrls: page addresses are written lowercase already, and a route value such as a token is case-sensitive.
        services.AddAuthorizationBuilder().AddPolicy(SignedIn, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/error/403";
            options.Cookie.Name = "workflow.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
        });
        // The short-lived cookies of the two-factor sign-in follow the same rules as the session.
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
            services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.SecurePolicy = secure;
                options.Cookie.SameSite = SameSiteMode.Lax;
            });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = NoticeCookie;
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "workflow.antiforgery";
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    public static WebApplication UseWorkflowPages(this WebApplication app)
    {
        app.UseRequestLocalization();
        // Pages answer a missing or forbidden resource with a page; the API keeps its problem details.
        app.UseWhen(http => IsPage(http.Request.Path), branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseStaticFiles();
        return app;
    }

    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/error");
}
