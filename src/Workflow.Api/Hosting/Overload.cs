using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Workflow.Core.Common;

namespace Workflow.Api.Hosting;

/// <summary>How many of the expensive public writes (a sign-on, a signature) one process works on at once, and how many may wait.</summary>
public sealed class OverloadOptions
{
    public const string Section = "Overload";

    /// <summary>
    /// Requests of one kind being worked on at once. Each spends most of its time waiting on the database, so it takes more than
    /// the cores to keep them busy; on two cores the surge benchmark accepted 156 submissions a second with 32, 212 with 64 and
    /// 217 with 128, when the confirmation e-mails (whose consumer shares the cores) fell 13 s behind (PROFILING.md).
    /// </summary>
    public int ConcurrentRequests { get; init; } = 64;
    /// <summary>
    /// Requests of one kind waiting for a place, oldest first; one more is refused at once. As many as are worked on: a longer
    /// queue only made the accepted wait longer and held the refused for up to <see cref="MaxQueueWait"/> before refusing them,
    /// without taking more (the surge at 500 a second on two cores: 164 accepted a second with p99 8.7 s for 1,000, 168 with
    /// p99 1.3 s for 64; PROFILING.md).
    /// </summary>
    public int QueuedRequests { get; init; } = 64;
    /// <summary>How long a request may wait for a place before it is refused: what bounds the latency whatever the machine
    /// manages.</summary>
    public TimeSpan MaxQueueWait { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>What a refused client is told to wait before trying again.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// A concurrency limit with a bounded queue in front of the public sign-on and signing. A process that cannot keep up
/// refuses what it cannot take — 503 with Retry-After and a problem, at once when the queue is full, after
/// <see cref="OverloadOptions.MaxQueueWait"/> at most when it waited for a place in vain — instead of letting every request wait
/// until its client gives up: what it accepts keeps a bounded latency, and a refused client knows nothing was saved and when to come back.
/// Each kind has a limiter of its own, so a crowd signing on does not turn away the organisations signing their invitations.
/// Reads (GET, HEAD) pass: the limit is for the writes behind the forms.
/// </summary>
public static class Overload
{
    public const string SignOn = "overload-sign-on";
    public const string Signing = "overload-signing";

    public static IServiceCollection AddOverloadLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OverloadOptions.Section).Get<OverloadOptions>() ?? new OverloadOptions();
        if (options.ConcurrentRequests < 1 || options.QueuedRequests < 0 || options.MaxQueueWait <= TimeSpan.Zero)
            throw new InvalidOperationException("Overload:ConcurrentRequests must be at least 1, Overload:QueuedRequests at least 0 and " +
                "Overload:MaxQueueWait more than zero.");
        services.AddRateLimiter(limiter =>
        {
            foreach (var kind in new[] { SignOn, Signing })
            {
                limiter.AddPolicy(kind, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : RateLimitPartition.Get(kind, _ => new QueueWaitLimiter(new ConcurrencyLimiter(new ConcurrencyLimiterOptions
                    {
                        PermitLimit = options.ConcurrentRequests,
                        QueueLimit = options.QueuedRequests,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }), options.MaxQueueWait)));
            }
            limiter.OnRejected = (context, ct) => RefuseAsync(context.HttpContext, options.RetryAfter);
        });
        return services;
    }

    private static async ValueTask RefuseAsync(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = Security.TooManyRequests.RetryAfterSeconds(retryAfter);
        // A page's refusal is left without a body for the status code pages outside, which show the error page.
        if (!http.Request.Path.StartsWithSegments("/api")) return;
        var language = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture
            ?? CultureInfo.GetCultureInfo(InterfaceLanguages.Default);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = Messages.Translate("The service is unavailable for a moment.", language),
                Detail = Messages.Translate("Nothing was saved. Please try again in a few seconds.", language),
            },
        });
    }
}

/// <summary>
/// A limiter whose queue has a deadline: a request that waited <paramref name="maxWait"/> for a place in vain leaves the queue
/// refused. A count alone does not bound the wait: a thousand places are a second on a fast machine and a minute on a slow one.
/// </summary>
internal sealed class QueueWaitLimiter(RateLimiter inner, TimeSpan maxWait) : RateLimiter
{
    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(maxWait);
        try
        {
            return await inner.AcquireAsync(permitCount, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Refused.Lease;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore() => await inner.DisposeAsync();

    private sealed class Refused : RateLimitLease
    {
        public static readonly Refused Lease = new();
        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
