using System.Diagnostics;
using System.Text;

namespace Workflow.Api.Tests.Support.Servers;

/// <summary>
/// How the tests run a program: to its end, for its exit code and what it wrote (<see cref="Run"/>); or left running, with
/// what it writes gathered as it goes, for the message when it fails (<see cref="StartKeepingOutput"/>).
/// </summary>
public static class ChildProcess
{
    /// <summary>
    /// Runs a program to its end, for its exit code and its output and errors together; -1 with the reason when it cannot be
    /// started or does not finish within <paramref name="deadline"/> (then it is killed, with its children).
    /// </summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, TimeSpan deadline,
        IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var (key, value) in environment) start.Environment[key] = value;
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(deadline))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{program} did not finish within {deadline.TotalSeconds:0} s");
            }
            return (process.ExitCode, output.Result + errors.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{program}: {e.Message}");
        }
    }

    /// <summary>
    /// Starts a program that keeps running (a service, a broker), every line of its output and errors appended to
    /// <paramref name="output"/> as it comes (lock <paramref name="output"/> to read it).
    /// </summary>
    public static Process StartKeepingOutput(ProcessStartInfo start, StringBuilder output)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
