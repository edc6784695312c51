using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// An OTLP/HTTP receiver on a loopback port: it keeps what exporters post to /v1/traces and /v1/metrics (protobuf, whose
/// strings — names of spans, instruments and attributes — are plain UTF-8 within) and answers 200 as a collector does.
/// </summary>
public sealed class OtlpTestCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpTestCollector(WebApplication app, string endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> Received { get; } = new();

    public static async Task<OtlpTestCollector> StartAsync()
    {
        var endpoint = $"http://127.0.0.1:{FreePort.OnLoopback()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(endpoint);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var collector = new OtlpTestCollector(app, endpoint);
        app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            collector.Received.Enqueue(("/v1/" + signal, context.Request.ContentType, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return collector;
    }

    /// <summary>Whether anything posted to the path carries the text (as UTF-8 bytes).</summary>
    public bool Holds(string path, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Received.Any(r => r.Path == path && r.Body.AsSpan().IndexOf(needle) >= 0);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
