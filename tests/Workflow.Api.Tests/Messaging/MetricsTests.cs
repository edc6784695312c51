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
        var token = (await drafter.InviteAsync(statement.Str("id"), email: "metrics@example.org")).Str("token");
        await drafter.OpenAsync(statement.Str("id"));
        Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(token)).StatusCode);

        await Eventually.ReturnsAsync(() => Task.FromResult(counted.Count(c => c is { Instrument: "workflow.events.published", Event: "SignatureRecorded" })),
            count => count >= 1, "the signature's event is counted when the outbox publishes it");
        Assert.Contains(counted, c => c is { Instrument: "workflow.outbox.lag", Event: "SignatureRecorded" } && c.Value >= 0 && c.Value < 60);
        Assert.Contains(counted, c => c is { Instrument: "workflow.events.published", Event: "StatementDrafted", Value: 1 });
    }

    [Fact]
    public async Task With_an_otlp_endpoint_configured_the_service_starts_and_serves_even_if_no_collector_answers()
    {
        await using var traced = WorkflowApiFactory.With(settings: new Dictionary<string, string?> { ["OpenTelemetry:OtlpEndpoint"] = "http://127.0.0.1:1" });
        var client = traced.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.NotNull(traced.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/public/statements")).StatusCode);
    }

    private static string? EventOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
            if (tag.Key == "event") return tag.Value as string;
        return null;
    }
}
