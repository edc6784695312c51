using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Workflow.Api.Tests.Support;
using Workflow.Infrastructure.Messaging;

namespace Workflow.Api.Tests.Messaging;

public sealed class MetricsTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Each_published_event_is_counted_by_type_with_its_outbox_lag()
    {
        var counted = new ConcurrentBag<(string Instrument, string? Event, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WorkflowMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => counted.Add((instrument.Name, EventOf(tags), value)));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => counted.Add((instrument.Name, EventOf(tags), value)));
        listener.Start();

        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync();
        await drafter.OpenAsync(statement.Id);
        var token = (await drafter.InviteAsync(statement.Id, email: "metrics@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(token)).StatusCode);

        await Eventually.ReturnsAsync(
            () => Task.FromResult(counted.Count(c => c is { Instrument: "workflow.events.published", Event: "SignatureRecorded" })),
            count => count >= 1, "the signature's event is counted when the outbox publishes it");
        Assert.Contains(counted, c => c is { Instrument: "workflow.outbox.lag", Event: "SignatureRecorded" }
            && c.Value >= 0 && c.Value < 60);
        Assert.Contains(counted, c => c is { Instrument: "workflow.events.published", Event: "StatementDrafted", Value: 1 });
    }

    [Fact]
    public async Task With_an_otlp_endpoint_configured_the_service_starts_and_serves_even_if_no_collector_answers()
    {
        await using var traced =
            WorkflowApiFactory.With(settings: new Dictionary<string, string?> { ["OpenTelemetry:OtlpEndpoint"] = "http://127.0.0.1:1" });
        var client = traced.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.NotNull(traced.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/public/statements")).StatusCode);
    }

    [Fact]
    public async Task Traces_and_metrics_reach_an_otlp_collector_with_requests_events_and_outbox_lag()
    {
        await using var collector = await OtlpTestCollector.StartAsync();
        await using var traced = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            ["OpenTelemetry:OtlpEndpoint"] = collector.Endpoint,
            ["OpenTelemetry:OtlpProtocol"] = "http/protobuf",
            ["OpenTelemetry:ServiceName"] = "workflow-under-test",
            // The SDK's own settings: export every second instead of every minute (metrics) and five seconds (traces).
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        });
        var drafter = await traced.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync();
        await drafter.OpenAsync(statement.Id);
        var token = (await drafter.InviteAsync(statement.Id, email: "otlp@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await traced.CreateClient().GetAsync($"/sign/{token}")).StatusCode); // the signer's page
        // Error paths, where route values are gone by the time the span ends: a refused body, a form without its
        // antiforgery token (re-executed as the error page), a mistyped link.
        var stranger = traced.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.PostAsync($"/api/invitations/{token}/sign",
            System.Net.Http.Json.JsonContent.Create(new { signerName = "", textHash = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.PostAsync($"/sign/{token}?handler=Decline",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/sign/{token}/mistyped")).StatusCode);

        await Eventually.ReturnsAsync(() => Task.FromResult(
                collector.Holds("/v1/metrics", "workflow.events.published") && collector.Holds("/v1/metrics", "SignatureRecorded") &&
                collector.Holds("/v1/metrics", "workflow.outbox.lag") && collector.Holds("/v1/metrics", "http.server.request.duration")),
            held => held, "the collector receives the request, event and outbox-lag metrics", timeoutSeconds: 30);
        await Eventually.ReturnsAsync(() => Task.FromResult(
                collector.Holds("/v1/traces", "/api/invitations/{token}/sign") && collector.Holds("/v1/traces", "/sign/{token}") &&
                collector.Holds("/v1/traces", "/sign/{token}/mistyped") &&
                collector.Holds("/v1/traces", "SignatureRecorded")),
            held => held, "the collector receives the signing request's span and the event's publish span", timeoutSeconds: 30);
        Assert.True(collector.Holds("/v1/traces", "workflow-under-test"));
        Assert.All(collector.Received, r => Assert.Equal("application/x-protobuf", r.ContentType));
        // No span names the token itself: whoever reads the traces cannot sign.
        Assert.DoesNotContain(collector.Received, r => r.Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(token)) >= 0);
    }

    private static string? EventOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
            if (tag.Key == "event") return tag.Value as string;
        return null;
    }
}
