using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Core.Common;

public static class Mediation
{
    /// <summary>
    /// Registers MediatR 5.1.0 by hand (it predates the DI-extension package): the mediator with its
    /// ServiceFactory, every handler and validator of this assembly, and the behaviours in the order they run:
    /// validation first (a bad request never touches the database), then retry on concurrency conflicts.
    /// </summary>
    public static IServiceCollection AddWorkflowUseCases(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // A rule stops at its first failure: "required" then "at most 20" must not run the second on a missing value
        // (a NullReferenceException is a 500), and one message per field is what a person can act on.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(RetryOnConflictBehaviour<,>));

        services.AddSingleton<Endorsements.SigningQueue>();
        services.AddSingleton<Endorsements.PendingSignOnCounts>();
        services.AddSingleton<Limits.DatabaseSharedLimits>();
        services.AddSingleton<Limits.ISharedLimits>(provider => provider.GetRequiredService<Limits.DatabaseSharedLimits>());
        services.AddScoped<Accounts.AccountLimits>();

        var openInterfaces = new[] { typeof(IRequestHandler<,>), typeof(IValidator<>) };
        foreach (var type in typeof(Mediation).Assembly.GetTypes().Where(t =>
            t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var implemented in type.GetInterfaces().Where(i => i.IsGenericType
                && openInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddScoped(implemented, type);
            }
        }
        return services;
    }
}
