using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";
    /// <summary>Where .eml files are written for a mail server's pickup service or a person to read.</summary>
    public string PickupDirectory { get; set; } = "";
    public string From { get; set; } = "Workflow <noreply@workflow.invalid>";
    /// <summary>When its host is set, mail is sent over SMTP rather than written to the pickup folder.</summary>
    public SmtpOptions Smtp { get; set; } = new();
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
        services.AddSingleton<Workflow.Core.Common.ILinkTokens, DataProtectedLinkTokens>();
        services.AddSingleton<EmailLinks>();
        services.AddScoped<EventMailer>();
        services.AddSingleton<Workflow.Core.Accounts.IAccountMailer, AccountMailer>();
        if (string.IsNullOrWhiteSpace(configuration[$"{EmailOptions.Section}:Smtp:Host"]))
            services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        else
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
