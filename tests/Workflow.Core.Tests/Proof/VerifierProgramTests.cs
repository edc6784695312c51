using System.Diagnostics;
using System.Text.Json.Nodes;
using Workflow.Proof;

namespace Workflow.Core.Tests.Proof;

/// <summary>The standalone verifier (src/Workflow.Verifier) run as a process on files, as a reader would run it.</summary>
public sealed class VerifierProgramTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("workflow-verify-").FullName;

    [Fact]
    public async Task A_clean_list_with_a_saved_head_and_a_receipt_exits_0_with_every_check_holding()
    {
        var log = OpenedLog();
        log.Sign("Rode Morgen", "RM");
        var head = Write("saved-head.json", log.Head().ToJson());
        log.Sign("Partija Rada", "PR");
        var receipt = Write("receipt.json", log.Receipt(2));

        var (exit, output) = await VerifyAsync(log, log.Bundle(), "--head", head, "--receipt", receipt);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Count(l => l.StartsWith("holds: ", StringComparison.Ordinal)));
        Assert.DoesNotContain("FAILS", output);
        Assert.StartsWith("Verdict: the list is proven", lines[^1]);
    }

    [Fact]
    public async Task A_rewritten_and_resigned_log_exits_1_naming_the_check_against_the_saved_head()
    {
        var log = OpenedLog();
        log.Sign("Rode Morgen");
        var head = Write("saved-head.json", log.Head().ToJson());
        var entries = log.Entries.ToList();
        var entry = JsonNode.Parse(entries[1])!.AsObject();
        entry["name"] = "Someone Else";
        entries[1] = entry.ToJsonString();
        var forged = log.BundleOf(entries, log.Listed.Select(s => s with { Name = "Someone Else" }),
            log.Signer.Sign(log.Statement, entries.Count, MerkleTree.Root(entries.Select(MerkleTree.LeafHash).ToList()),
                DateTimeOffset.UtcNow));

        var (exit, output) = await VerifyAsync(log, forged, "--head", head);

        Assert.Equal(1, exit);
        Assert.Contains("FAILS: 5. Nothing was rewritten since the saved tree head.", output);
        Assert.Contains("Verdict: NOT PROVEN: check 5 failed.", output);
    }

    [Fact]
    public async Task A_list_edited_alone_exits_1_naming_the_list_check()
    {
        var log = OpenedLog();
        log.Sign("Rode Morgen");
        var bundle = log.Bundle().Edit(b => b["list"]![0]!["name"] = "Someone Else");

        var (exit, output) = await VerifyAsync(log, bundle);

        Assert.Equal(1, exit);
        Assert.Contains("FAILS: 4. The published list is exactly what the entries imply.", output);
        Assert.Contains("not checked: 5.", output);
    }

    [Fact]
    public async Task Unusable_input_exits_2()
    {
        var log = OpenedLog();
        var key = Write("key.pem", log.Signer.PublicKeyPem);

        Assert.Equal(2, (await Run("--list", Write("proof.json", "not json"), "--key", key)).Exit);
        Assert.Equal(2, (await Run("--list", Path.Combine(directory, "missing.json"), "--key", key)).Exit);
        Assert.Equal(2, (await Run("--list", Write("proof.json", log.Bundle()))).Exit);
        Assert.Equal(2, (await Run("--list", Write("proof.json", log.Bundle()), "--key", Write("bad.pem", "not a key"))).Exit);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A log of a statement whose text is open for signature.</summary>
    private static LogBuilder OpenedLog()
    {
        var log = new LogBuilder();
        log.OpenText();
        return log;
    }

    /// <summary>Runs the verifier on <paramref name="bundle"/> as the list, with the log's public key and any further arguments.</summary>
    private Task<(int Exit, string Output)> VerifyAsync(LogBuilder log, string bundle, params string[] further) =>
        Run(["--list", Write("proof.json", bundle), "--key", Write("key.pem", log.Signer.PublicKeyPem), .. further]);

    private static async Task<(int Exit, string Output)> Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(VerifierPath());
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }

    // The test project references the verifier so that it is built, in the same configuration, before the tests run.
    private static string VerifierPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var path = Path.Combine(RepositoryPaths.Root, "src", "Workflow.Verifier", "bin", configuration, framework, "workflow-verify.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The verifier is not built at {path}.");
    }
}
