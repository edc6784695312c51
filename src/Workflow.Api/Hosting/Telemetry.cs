using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Workflow.Infrastructure.Messaging;

namespace Workflow.Api.Hosting;

/// <summary>
/// OpenTelemetry traces (HTTP requests, MassTransit's publish and consume) and metrics (request rates and durations, the
/// Workflow meter, MassTransit's), exported over OTLP when an endpoint is configured (OpenTelemetry:OtlpEndpoint or the
/// standard OTEL_EXPORTER_OTLP_ENDPOINT); without one nothing is collected.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddWorkflowTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["OpenTelemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return services;
        var otlp = new Uri(endpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OpenTelemetry:ServiceName"] ?? "workflow"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource("MassTransit")
                .AddOtlpExporter(o => o.Endpoint = otlp))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(WorkflowMetrics.MeterName, "MassTransit")
                .AddOtlpExporter(o => o.Endpoint = otlp));
        return services;
    }
}
