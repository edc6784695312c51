using System.Collections.Concurrent;
using System.Diagnostics;

namespace Workflow.Benchmarks;

/// <summary>What a load run measured: completed requests, errors, wall time and latencies.</summary>
public sealed record LoadResult(int Completed, int Errors, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0) return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>A closed-loop load client: <c>clients</c> workers, each sending its next request when the last one answered.</summary>
public static class Load
{
    public static HttpClient Client(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Runs until the work runs out (each item once) or the time is up, whichever first.</summary>
    public static Task<LoadResult> RunAsync<T>(int clients, IEnumerable<T> work, TimeSpan limit, Func<T, Task<bool>> send)
    {
        var queue = new ConcurrentQueue<T>(work);
        return RunAsync(clients, limit, () => queue.TryDequeue(out var item) ? () => send(item) : null);
    }

    /// <summary>The same request over and over for a while.</summary>
    public static Task<LoadResult> RepeatAsync(int clients, TimeSpan duration, Func<Task<bool>> send) => RunAsync(clients, duration, () => send);

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
}
