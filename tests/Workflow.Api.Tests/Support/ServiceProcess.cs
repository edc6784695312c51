using System.Diagnostics;
using System.Net;
using System.Text;

namespace Workflow.Api.Tests.Support;

/// <summary>One process of the built service, with its output kept for the failure message.</summary>
public sealed class ServiceProcess : IAsyncDisposable, IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _name;

    private ServiceProcess(string name, Process process, StringBuilder output, string? url)
    {
        _name = name;
        _process = process;
        _output = output;
        Http = new HttpClient { BaseAddress = url is null ? null : new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Http { get; }

    /// <summary>kill -9: the process ends at once, in the middle of whatever it was doing.</summary>
    public void Crash()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public static ServiceProcess Start(string name, string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        var program = Path.Combine(RepositoryPaths.Root, "src", "Workflow.Api", "bin", configuration, "net10.0", "Workflow.Api.dll");
        Assert.True(File.Exists(program), $"{program} is missing: build the solution first.");
        // Commands run and exit; the service listens on a free port of its own.
        var url = args is ["migrate", ..] or ["error-queues", ..] or ["probe", ..] ? null : $"http://127.0.0.1:{FreePort.OnLoopback()}";
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(program);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (url is not null) { start.ArgumentList.Add("--urls"); start.ArgumentList.Add(url); }
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var output = new StringBuilder();
        return new ServiceProcess(name, Servers.ChildProcess.StartKeepingOutput(start, output), output, url);
    }

    public async Task WaitForExitAsync(TimeSpan timeout) =>
        Assert.True(await ExitCodeAsync(timeout) == 0, $"{_name} exited with {_process.ExitCode}:\n{Output()}");

    /// <summary>Waits for a command to end.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"{_name} stopped:\n{Output()}");
            try
            {
                if ((await Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        Assert.Fail($"{_name} was not ready within 90 s:\n{Output()}");
    }

    public string Output()
    {
        lock (_output) return _output.ToString();
    }


    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        Http.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
