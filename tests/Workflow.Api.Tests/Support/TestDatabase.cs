using System.Security.Cryptography;
using System.Text;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// Which database the suite runs on: the embedded SQLite by default; PostgreSQL when WORKFLOW_TEST_DATABASE=PostgreSql
/// (server from WORKFLOW_TEST_POSTGRES, default a local one with user and password "workflow", allowed to create databases).
/// Each data directory gets a database of its own, so a test that restarts on the same directory finds its data again.
/// </summary>
public static class TestDatabase
{
    public static string Provider { get; } = Environment.GetEnvironmentVariable("WORKFLOW_TEST_DATABASE") is { Length: > 0 } chosen ? chosen : "Sqlite";

    public static bool IsPostgreSql => string.Equals(Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase);

    public static string PostgresServer { get; } = Environment.GetEnvironmentVariable("WORKFLOW_TEST_POSTGRES") is { Length: > 0 } server
        ? server : "Host=localhost;Username=workflow;Password=workflow";

    public static IReadOnlyDictionary<string, string?> SettingsFor(string dataDirectory)
    {
        if (!IsPostgreSql)
        {
            return string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase)
                ? new Dictionary<string, string?>()
                : throw new InvalidOperationException($"WORKFLOW_TEST_DATABASE={Provider}: the tests run on Sqlite or PostgreSql.");
        }
        var name = "workflow_test_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..20];
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            // Migrating creates the database. The pool is capped so that test classes running side by side stay under the server's limit.
            ["ConnectionStrings:Workflow"] = $"{PostgresServer};Database={name};Maximum Pool Size=20",
        };
    }
}
