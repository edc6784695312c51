using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Logging;

namespace Workflow.Infrastructure.Seeding;

/// <summary>
/// How long each step of the start took, from the moment the process started. Logged under the category
/// <see cref="Category"/> (Information) once the service listens, one line per step, so that an operator and the
/// start-up benchmark can see where a start goes. Beside each step's time, the methods the JIT compiled in it and the time it
/// spent compiling them (on every thread, so it can exceed the step's own time): most of a start is the JIT's first pass.
/// </summary>
public sealed class StartupTimeline
{
    public const string Category = "Workflow.Startup";

    private readonly List<(string Step, TimeSpan Took, long Methods, TimeSpan Jit)> _steps = [];
    private readonly DateTime _processStarted;
    private DateTime _last;
    private long _lastMethods;
    private TimeSpan _lastJit;

    /// <summary>Begins at the process's start; the first step is the runtime's own, until this is made (in Main).</summary>
    public StartupTimeline()
    {
        using var process = Process.GetCurrentProcess();
        _processStarted = _last = process.StartTime.ToUniversalTime();
        Step("runtime until Main");
    }

    /// <summary>Ends the step that began when the previous one ended.</summary>
    public void Step(string name)
    {
        var now = DateTime.UtcNow;
        var methods = JitInfo.GetCompiledMethodCount();
        var jit = JitInfo.GetCompilationTime();
        lock (_steps)
        {
            _steps.Add((name, now - _last, methods - _lastMethods, jit - _lastJit));
            (_last, _lastMethods, _lastJit) = (now, methods, jit);
        }
    }

    public TimeSpan SinceProcessStarted => DateTime.UtcNow - _processStarted;

    public void Log(ILogger log)
    {
        lock (_steps)
            foreach (var (step, took, methods, jit) in _steps)
                log.LogInformation("Start-up step {Step} took {Milliseconds:F0} ms; the JIT compiled {JitMethods} methods in " +
                    "{JitMilliseconds:F0} ms", step, took.TotalMilliseconds, methods, jit.TotalMilliseconds);
        log.LogInformation("Start-up listening {Milliseconds:F0} ms after the process started", SinceProcessStarted.TotalMilliseconds);
    }
}
