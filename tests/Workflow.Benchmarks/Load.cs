using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Workflow.Benchmarks;

/// <summary>What a load run measured: completed requests, errors, wall time and latencies.</summary>
public sealed record LoadResult(int Completed, int Errors, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;

    public double Percentile(double p) => Percentile(LatenciesMs, p);

    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>What an open-loop run measured: the requests offered on schedule and, in <see cref="Load"/>, the answers, with each
/// latency counted from the request's scheduled start. Errors are counted by kind: an HTTP status, a timeout, a connection failure.
/// <see cref="StartedAt"/> is the wall-clock moment of the schedule's start (request n was due n / rate seconds after it).</summary>
public sealed record OpenLoopResult(double OfferedPerSecond, int Offered, LoadResult Load, IReadOnlyDictionary<string, int> Errors,
    TimeSpan MaxStartDelay,
    DateTime StartedAt, double[] AcceptedLatenciesMs, double[] RefusedLatenciesMs)
{
    public string ErrorSummary => Errors.Count == 0 ? "none"
        : string.Join(", ", Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Value} × {e.Key}"));

    /// <summary>Answered with a success.</summary>
    public int Accepted => Load.Completed;

    /// <summary>Answered 503 or 429: refused, with nothing saved, and told when to come back.</summary>
    public int Refused => Errors.Where(e => IsRefusal(e.Key)).Sum(e => e.Value);

    /// <summary>Not answered within the client's timeout.</summary>
    public int TimedOut => Errors.GetValueOrDefault("timeout");

    /// <summary>Any other failure (another status, a connection refused or reset).</summary>
    public int OtherErrors => Load.Errors - Refused - TimedOut;

    public static bool IsRefusal(string error) => error.StartsWith("503 ", StringComparison.Ordinal)
        || error.StartsWith("429 ", StringComparison.Ordinal);
}

/// <summary>
/// Closed-loop load: <c>clients</c> workers, each sending its next request when the last one answered. Open-loop load
/// (<see cref="OpenLoopAsync"/>): requests started at a fixed rate whatever the answers, as a crowd sends them.
/// </summary>
public static class Load
{
    public static HttpClient Client(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// A crowd from many networks: like <see cref="Client"/>, but its connections come from <paramref name="addresses"/> different
    /// loopback addresses (127.0.1.1, 127.0.1.2, … in turn), as visitors from many places would, so that what the service keeps per
    /// client address (the per-address limit's counter row) is not one row shared by every visitor.
    /// </summary>
    public static HttpClient CrowdClient(Uri baseAddress, int connections, int addresses)
    {
        var next = 0;
        return new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectCallback = async (context, ct) =>
            {
                var n = Interlocked.Increment(ref next) % addresses;
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream,
                    System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(new IPAddress([127, 0, (byte)(1 + n / 250), (byte)(1 + n % 250)]), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Runs until the work runs out (each item once) or the time is up, whichever first.</summary>
    public static Task<LoadResult> RunAsync<T>(int clients, IEnumerable<T> work, TimeSpan limit, Func<T, Task<bool>> send)
    {
        var queue = new ConcurrentQueue<T>(work);
        return RunAsync(clients, limit, () => queue.TryDequeue(out var item) ? () => send(item) : null);
    }

    /// <summary>The same request over and over for a while.</summary>
    public static Task<LoadResult> RepeatAsync(int clients, TimeSpan duration, Func<Task<bool>> send)
        => RunAsync(clients, duration, () => send);

    private static async Task<LoadResult> RunAsync(int clients, TimeSpan limit, Func<Func<Task<bool>>?> next)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        async Task Worker()
        {
            while (clock.Elapsed < limit && next() is { } send)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await send(); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { ok = false; }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(Worker)));
        clock.Stop();
        return new LoadResult(latencies.Count - errors, errors, clock.Elapsed, latencies.ToArray());
    }

    /// <summary>
    /// Starts request n at n / <paramref name="perSecond"/> seconds for <paramref name="duration"/>, whether or not earlier
    /// ones have been answered, then waits for every answer. A request's latency runs from its scheduled start, not from when
    /// it was sent, so a stalled server is charged for the requests it held up rather than the client waiting politely for it
    /// (coordinated omission). <paramref name="answered"/> hears of each answer: when (since the start) and whether it was a success.
    /// </summary>
    public static async Task<OpenLoopResult> OpenLoopAsync(double perSecond, TimeSpan duration, Func<int, Task<HttpStatusCode>> send,
        Action<TimeSpan, bool>? answered = null)
    {
        var total = (int)Math.Round(perSecond * duration.TotalSeconds);
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>();
        var succeeded = 0;
        var accepted = new ConcurrentBag<double>();
        var refused = new ConcurrentBag<double>();
        var requests = new List<Task>(total);
        var maxStartDelay = TimeSpan.Zero;
        var startedAt = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();

        async Task One(int n, TimeSpan due)
        {
            string? error;
            try
            {
                var status = await send(n);
                error = (int)status is >= 200 and < 300 ? null : $"{(int)status} {status}";
            }
            catch (TaskCanceledException) { error = "timeout"; }
            catch (HttpRequestException e) { error = $"connection ({e.HttpRequestError})"; }
            var done = clock.Elapsed;
            latencies.Add((done - due).TotalMilliseconds);
            if (error is null) accepted.Add((done - due).TotalMilliseconds);
            else if (OpenLoopResult.IsRefusal(error)) refused.Add((done - due).TotalMilliseconds);
            if (error is null) Interlocked.Increment(ref succeeded);
            else errors.AddOrUpdate(error, 1, (_, count) => count + 1);
            answered?.Invoke(done, error is null);
        }

        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds(n / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            // After a late wake-up, every request already due starts at once: the schedule is kept, not shifted.
            if (clock.Elapsed - due > maxStartDelay) maxStartDelay = clock.Elapsed - due;
            var number = n;
            requests.Add(Task.Run(() => One(number, due)));
        }
        await Task.WhenAll(requests);
        clock.Stop();
        return new OpenLoopResult(perSecond, total, new LoadResult(succeeded, total - succeeded, clock.Elapsed, latencies.ToArray()),
            new Dictionary<string, int>(errors), maxStartDelay, startedAt, accepted.ToArray(), refused.ToArray());
    }
}
