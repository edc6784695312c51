using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Hosting;

public sealed class HealthTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task A_running_service_is_live_and_ready_with_its_database_and_bus()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        var report = (await ready.JsonAsync());
        Assert.True(HttpStatusCode.OK == ready.StatusCode, report.ToJsonString());
        Assert.Equal("Healthy", report.Str("status"));
        Assert.Equal("Healthy", report["checks"]!["database"]!.GetValue<string>());
        Assert.Contains(report["checks"]!.AsObject(), c => c.Key.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_its_database_the_service_is_live_but_not_ready_and_says_which_part_fails_without_details()
    {
        // A PostgreSQL server that is not there (nothing listens on port 1).
        await using var orphan = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Workflow"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Password=secret-password;Timeout=2",
            ["Database:MigrateOnStartup"] = "false",
            ["Seeds:ImportOnStartup"] = "false",
            ["Outbox:DispatcherEnabled"] = "false",
            ["Reminders:Enabled"] = "false",
        });
        var client = orphan.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy", JsonNode.Parse(body)!["checks"]!["database"]!.GetValue<string>());
        Assert.DoesNotContain("secret-password", body);
        Assert.DoesNotContain("127.0.0.1", body);
    }
}
