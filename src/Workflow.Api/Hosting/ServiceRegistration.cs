using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http.Json;
using Workflow.Core.Accounts;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Api.Endorsements;
using Workflow.Api.Publishing;
using Workflow.Api.Health;
using Workflow.Api.Security;
using Workflow.Api.Accounts;
using Workflow.Infrastructure.Email;
using Workflow.Infrastructure.Hosting;
using Workflow.Infrastructure.Messaging;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Seeding;

namespace Workflow.Api.Hosting;

public static class ServiceRegistration
{
    /// <summary>Largest request body accepted; larger ones get 413. A 200 KB statement fits with room for JSON escaping.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddWorkflowServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var dataDirectory = Path.GetFullPath(configuration["DataDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "data"));
        Directory.CreateDirectory(dataDirectory);

        services.AddSingleton<TimeProvider>(new StoredTimeProvider(TimeProvider.System));
        // The key that signs the signatory logs' tree heads: every instance of one deployment must use the same file.
        services.AddSingleton(_ => Workflow.Proof.TreeHeadSigner.LoadOrCreate(
            configuration["Proof:SigningKeyPath"] ?? Path.Combine(dataDirectory, "log-signing-key.pem")));
        services.AddWorkflowDatabase(configuration, dataDirectory);
        services.AddWorkflowUseCases();
        // Every web process keeps its own cache, so each needs every eviction: a queue per process, gone when the process is.
        services.AddWorkflowMessaging(configuration, bus => bus.AddConsumer<PublicCacheConsumer>().Endpoint(e =>
        {
            e.Name = MessagingSetup.Prefix(configuration) + PublicCacheConsumer.Name;
            e.InstanceId = Guid.NewGuid().ToString("N")[..12];
            e.Temporary = true;
        }));
        services.AddPublicCache();
        services.AddPublicSite(configuration);
        services.AddWorkflowEmail(configuration, dataDirectory);
        services.AddScoped<SeedImporter>();
        services.Configure<OpenSignOnOptions>(configuration.GetSection(OpenSignOnOptions.Section));
        services.AddSignOnAddressLimit();
        services.AddTokenGuessingLimit();
        services.AddOverloadLimits(configuration);

        services.AddWorkflowDataProtection(configuration, dataDirectory);

        services.AddIdentityApiEndpoints<WorkflowUser>(options => options.User.RequireUniqueEmail = true)
            .AddEntityFrameworkStores<WorkflowDb>();
        services.AddAccounts(configuration);
        // Every endpoint states who may call it (RequireAuthorization or AllowAnonymous); a test holds each new one to that.
        // The API takes bearer tokens only, so that a browser's session cookie can never be ridden into an API call;
        // the pages (policy WebPages.SignedIn) take the cookie and protect their forms with antiforgery tokens.
        services.AddAuthorization(options => options.DefaultPolicy = new AuthorizationPolicyBuilder(IdentityConstants.BearerScheme)
            .RequireAuthenticatedUser().Build());
        services.AddWorkflowPages(builder.Environment, configuration);

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        // Let malformed JSON and missing bodies reach ProblemMapping as exceptions, to be answered with a named field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new NulCharacters.RefusingJsonConverter());
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        services.AddWorkflowHealthChecks();
        services.AddWorkflowTelemetry(configuration);
        services.AddOpenApi();
        return builder;
    }
}
