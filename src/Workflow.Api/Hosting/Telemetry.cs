using System.Diagnostics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Workflow.Core.Endorsements;
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
        // gRPC (port 4317) by default; "http/protobuf" (port 4318) posts to <endpoint>/v1/traces and /v1/metrics.
        var protocol = (configuration["OpenTelemetry:OtlpProtocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) == "http/protobuf"
            ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        Action<OtlpExporterOptions> exportTo(string signal) => o =>
        {
            o.Protocol = protocol;
            o.Endpoint = protocol == OtlpExportProtocol.Grpc ? otlp : new Uri(otlp, otlp.AbsolutePath.TrimEnd('/') + "/v1/" + signal);
        };
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OpenTelemetry:ServiceName"] ?? "workflow"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpResponse = (activity, response) =>
                    RedactToken(activity, response.HttpContext))
                .AddSource("MassTransit")
                .AddOtlpExporter(exportTo("traces")))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(WorkflowMetrics.MeterName, "MassTransit")
                .AddOtlpExporter(exportTo("metrics")));
        return services;
    }

    /// <summary>
    /// Signing, sign-on and co-drafting links carry their token in the path. Every such token is made by
    /// InvitationToken.New, so any path segment of that shape becomes "{token}" in the span: on every route, error paths
    /// (where route values are gone) and mistyped links included, so that whoever reads the traces cannot sign.
    /// (Query strings are redacted by the instrumentation itself.)
    /// </summary>
    private static void RedactToken(Activity activity, HttpContext context)
    {
        if (context.Request.Path.Value is { } path)
            activity.SetTag("url.path", string.Join('/', path.Split('/').Select(segment => InvitationToken.IsWellFormed(segment)
                ? "{token}" : segment)));
    }
}
