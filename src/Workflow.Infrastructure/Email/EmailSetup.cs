using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";
    /// <summary>Where .eml files are written for a mail server's pickup service or a person to read.</summary>
    public string PickupDirectory { get; set; } = "";
    public string From { get; set; } = "Workflow <noreply@workflow.invalid>";
}

public static class EmailSetup
{
    public static IServiceCollection AddWorkflowEmail(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.Configure<EmailOptions>(options =>
        {
            configuration.GetSection(EmailOptions.Section).Bind(options);
            if (string.IsNullOrWhiteSpace(options.PickupDirectory)) options.PickupDirectory = Path.Combine(dataDirectory, "mail-pickup");
        });
        services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        return services;
    }
}
