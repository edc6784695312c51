using System.Security.Cryptography;
using System.Text;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// Which database the suite runs on: the embedded SQLite by default, PostgreSQL in Workflow.Api.Tests.OnServers, or what
/// WORKFLOW_TEST_DATABASE (Sqlite, PostgreSql) says. PostgreSQL is the server <see cref="Servers.PostgresServer"/> provides
/// (WORKFLOW_TEST_POSTGRES, or one the suite starts itself).
/// Each data directory gets a database of its own, so a test that restarts on the same directory finds its data again.
/// </summary>
public static class TestDatabase
{
#if ON_SERVERS
    private const string DefaultProvider = "PostgreSql"; // Workflow.Api.Tests.OnServers
#else
    private const string DefaultProvider = "Sqlite";
#endif

    public static string Provider { get; } = Environment.GetEnvironmentVariable("WORKFLOW_TEST_DATABASE") is { Length: > 0 } chosen ? chosen
        : DefaultProvider;

    public static bool IsPostgreSql => string.Equals(Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase);

    public static string PostgresServer => Servers.PostgresServer.ConnectionString;

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
