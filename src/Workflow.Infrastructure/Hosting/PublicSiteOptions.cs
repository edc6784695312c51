using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Infrastructure.Hosting;

/// <summary>
/// The address people reach the service at (configuration key <c>PublicBaseUrl</c>, at the top level): the links in e-mails and API
/// answers, the statements' feeds and the widget's embed snippet start with it, so it must be absolute for them to work elsewhere.
/// </summary>
public sealed class PublicSiteOptions
{
    public const string Key = "PublicBaseUrl";

    [ConfigurationKeyName(Key)]
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <param name="path">The path (and query) after the address, starting with a slash: /sign/…, /statements/….</param>
    public string Link(string path) => BaseUrl.TrimEnd('/') + path;

    public static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

public static class PublicSiteSetup
{
    /// <summary>Binds <see cref="PublicSiteOptions"/> and refuses to start with an address that is not an absolute http(s) URL.</summary>
    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicSiteOptions>()
            .Bind(configuration)
            .Validate(options => PublicSiteOptions.IsAbsoluteHttpUrl(options.BaseUrl),
                $"{PublicSiteOptions.Key} must be an absolute http or https URL, such as https://statements.example.org")
            .ValidateOnStart();
        return services;
    }
}
