using System.Diagnostics;
using System.Text.RegularExpressions;
using Workflow.Api.Tests.Support;
using Workflow.Api.Tests.Support.Servers;

namespace Workflow.Api.Tests.Hosting;

/// <summary>
/// What can be checked of the production layout on a machine without a Docker engine: docker-compose.yml is valid
/// (docker-compose's own reading of it), every service has a health check, every setting it uses is documented,
/// the image runs unprivileged, and the health probe the containers run works against the built service.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Compose = Path.Combine(RepositoryPaths.Root, "docker-compose.yml");

    [Fact]
    public async Task The_compose_file_is_valid_and_every_long_running_service_has_a_health_check()
    {
        var (exitCode, output) = await ComposeConfigAsync();
        Assert.True(exitCode == 0, output);

        var services = ServiceBlocks(output);
        Assert.Equal(["migrate", "nginx", "rabbitmq", "sqlserver", "web1", "web2", "worker"], services.Keys.Order());
        foreach (var (name, block) in services.Where(s => s.Key != "migrate"))
            Assert.True(block.Contains("    healthcheck:") && !block.Contains("- NONE"), $"{name} has no health check:\n{block}");
        // The instances start once the database is migrated, and nginx once they are healthy.
        Assert.Contains("condition: service_completed_successfully", services["web1"]);
        Assert.Contains("condition: service_healthy", services["nginx"]);
        Assert.Contains("probe", services["worker"]);
    }

    [Fact]
    public void Every_setting_the_compose_file_gives_the_service_is_on_the_configuration_page()
    {
        var configurationPage = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "configuration.md"));
        var settings = SettingKey().Matches(File.ReadAllText(Compose)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("Messaging__Transport", settings);
        foreach (var setting in settings.Where(s => !s.StartsWith("MSSQL_", StringComparison.Ordinal)
            && !s.StartsWith("RABBITMQ_", StringComparison.Ordinal)))
        {
            // Related keys share a row: "`Messaging__RabbitMq__Host`, `__Username`, `__Password`".
            var tail = setting.Contains("__") ? setting[setting.LastIndexOf("__", StringComparison.Ordinal)..] : setting;
            var parent = setting[..^tail.Length];
            var documented = configurationPage.Contains($"`{setting}`") ||
                configurationPage.Split('\n').Any(row => row.Contains($"`{parent}") && row.Contains($"`{tail}`"));
            Assert.True(documented, $"{setting} is set in docker-compose.yml but not described in deploy/configuration.md");
        }
    }

    [Fact]
    public void The_image_is_built_in_stages_and_runs_as_an_unprivileged_user()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "deploy", "Dockerfile")).Select(l => l.Trim()).ToList();
        var stages = lines.Select((line, index) => (line, index)).Where(l => l.line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.True(stages.Count >= 2, "the Dockerfile builds in one stage and ships the SDK");
        var finalStage = lines.Skip(stages[^1].index).ToList();
        Assert.Contains("COPY --from=build /app .", finalStage);
        var user = Assert.Single(finalStage, l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..];
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.True(finalStage.IndexOf($"USER {user}") < finalStage.FindIndex(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_containers_health_probe_says_whether_the_built_service_is_ready()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["DataDirectory"] = dataDirectory,
            ["Seeds__ImportOnStartup"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging__Console__FormatterName"] = "json",
        };
        foreach (var (key, value) in TestDatabase.SettingsFor(dataDirectory))
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        await using var service = ServiceProcess.Start("web", [], environment);
        await service.WaitReadyAsync();
        // Structured logs: one JSON object per line, with the message's template and its values apart.
        var started = service.Output().Split('\n').Where(l => l.Contains("Now listening on", StringComparison.Ordinal)).ToList();
        var line = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(started))!;
        Assert.Equal("Microsoft.Hosting.Lifetime", line["Category"]!.GetValue<string>());
        Assert.Equal(service.Http.BaseAddress!.ToString().TrimEnd('/'), line["State"]!["address"]!.GetValue<string>());

        await using (var ready = ServiceProcess.Start("probe", ["probe", $"{service.Http.BaseAddress}health/ready"], environment))
            Assert.True(await ready.ExitCodeAsync(TimeSpan.FromMinutes(1)) == 0, ready.Output());
        await using (var missing = ServiceProcess.Start("probe", ["probe", $"{service.Http.BaseAddress}no-such-page"], environment))
            Assert.Equal(1, await missing.ExitCodeAsync(TimeSpan.FromMinutes(1)));
        await using (var nobody = ServiceProcess.Start("probe", ["probe", $"http://127.0.0.1:{FreePort.OnLoopback()}/health/ready"],
            environment))
            Assert.Equal(1, await nobody.ExitCodeAsync(TimeSpan.FromMinutes(1)));
    }

    /// <summary>
    /// docker-compose (Debian's package) or the docker client's compose plugin; neither needs a running engine for "config".
    /// Without either, Debian's docker-compose is installed.
    /// </summary>
    private static async Task<(int ExitCode, string Output)> ComposeConfigAsync()
    {
        if (await ComposeConfigWithAsync() is { } done) return done;
        DebianPackages.Require("docker-compose", "The test of docker-compose.yml", () => DebianPackages.FirstExisting(["docker-compose"]));
        return await ComposeConfigWithAsync() ?? throw new InvalidOperationException("docker-compose was installed but could not be run.");
    }

    private static async Task<(int ExitCode, string Output)?> ComposeConfigWithAsync()
    {
        foreach (var (program, prefix) in new[] { ("docker-compose", Array.Empty<string>()), ("docker", new[] { "compose" }) })
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true,
                WorkingDirectory = RepositoryPaths.Root };
            foreach (var arg in prefix.Concat(["-f", Compose, "config"])) start.ArgumentList.Add(arg);
            Process process;
            try { process = Process.Start(start)!; }
            catch (System.ComponentModel.Win32Exception) { continue; }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (prefix.Length > 0 && process.ExitCode != 0
                    && (await errors).Contains("unknown", StringComparison.OrdinalIgnoreCase)) continue;
                return (process.ExitCode, await output + await errors);
            }
        }
        return null;
    }

    /// <summary>Each service's block of the normalised configuration ("  name:" under "services:").</summary>
    private static Dictionary<string, string> ServiceBlocks(string configuration)
    {
        var blocks = new Dictionary<string, string>();
        string? current = null;
        var inServices = false;
        foreach (var line in configuration.Split('\n'))
        {
            if (!line.StartsWith(' ')) { inServices = line.TrimEnd() == "services:"; current = null; continue; }
            if (!inServices) continue;
            if (ServiceName().Match(line) is { Success: true } name) { current = name.Groups[1].Value; blocks[current] = ""; continue; }
            if (current is not null) blocks[current] += line + "\n";
        }
        return blocks;
    }

    [GeneratedRegex(@"^ {2}([A-Za-z0-9_.-]+):\s*$")]
    private static partial Regex ServiceName();

    /// <summary>An environment key of the compose file: "Database__Provider:", "PublicBaseUrl:", "ASPNETCORE_…:".</summary>
    [GeneratedRegex(@"^\s+([A-Za-z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+|" +
        @"ASPNETCORE_[A-Z_]+|MSSQL_[A-Z_]+|RABBITMQ_[A-Z_]+|PublicBaseUrl|Urls|DataDirectory):", RegexOptions.Multiline)]
    private static partial Regex SettingKey();
}
