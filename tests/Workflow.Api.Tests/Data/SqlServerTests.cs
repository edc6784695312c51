using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;
using Workflow.Api.Tests.Support;
using Workflow.Api.Tests.Support.Servers;

namespace Workflow.Api.Tests.Data;

/// <summary>
/// SQL Server, the production database our users named, runs only in a container: where a Docker engine answers, a throwaway
/// SQL Server takes the whole main path, from the migrations to the published list. Where none answers (the machines we build
/// on) the test is reported as skipped with the reason, never as passed; SqlServerScriptTests still holds the migrations to
/// the reviewed script.
/// </summary>
public sealed class SqlServerTests
{
    [SqlServerFact]
    public async Task The_main_path_runs_on_SQL_Server_from_its_migrations_to_the_published_list()
    {
        await using var server = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await server.StartAsync();
        var database = new SqlConnectionStringBuilder(server.GetConnectionString())
        {
            InitialCatalog = $"workflow_main_path_{Guid.NewGuid():N}",
            TrustServerCertificate = true,
        }.ConnectionString;
        await using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Workflow"] = database,
        });
        await MainPathTests.WalkAsync(factory);
    }

    /// <summary>A test that runs only where a Docker engine answers; elsewhere it is skipped, saying why, in the test output.</summary>
    private sealed class SqlServerFactAttribute : FactAttribute
    {
        public SqlServerFactAttribute()
        {
            if (DockerEngine.Answers) return;
            // The reason goes in the name too: the test command's summary lists skipped tests by name only.
            DisplayName = $"NOT RUN: the main path on SQL Server ({DockerEngine.WhyNot})";
            Skip = $"Not run on SQL Server: {DockerEngine.WhyNot}. SQL Server runs here only in a container (Testcontainers.MsSql); " +
                   "on this machine only its migrations are checked against deploy/sql/sqlserver-migrations.sql.";
        }
    }
}
