using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Workflow.Benchmarks;

// Benchmarks of the built service (Release) on PostgreSQL, each figure beside a baseline measured in the same run:
// signing against pgbench's single-row inserts, reading a 10,000-signatory list against nginx serving the same bytes,
// publishing every format, and start-up against the bare runtime. Writes tests/Workflow.Benchmarks/REPORT.md.
// Run: tests/Workflow.Benchmarks/run   (WORKFLOW_BENCH_POSTGRES to use another server; --quick for a short smoke run)

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
var root = Paths.Root;
var postgres = Environment.GetEnvironmentVariable("WORKFLOW_BENCH_POSTGRES") is { Length: > 0 } server ? server : "Host=localhost;Username=workflow;Password=workflow";
int[] levels = [16, 64, 256];
var perLevel = quick ? 300 : 3000;
var listSize = quick ? 1000 : 10_000;
var readFor = TimeSpan.FromSeconds(quick ? 3 : 10);
var report = new Report();

var database = $"workflow_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database, MaxPoolSize = 40 }.ConnectionString;
var work = Directory.CreateTempSubdirectory("workflow-bench-");
await using var service = await ServiceProcess.StartAsync(root, new()
{
    ["Database__Provider"] = "PostgreSql",
    ["ConnectionStrings__Workflow"] = connection,
    ["DataDirectory"] = Path.Combine(work.FullName, "data"),
    ["Seeds__ImportOnStartup"] = "false",
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Cookies__RequireHttps"] = "false",
    ["Logging__LogLevel__Default"] = "Warning",
});
Console.WriteLine($"Service at {service.Address}, database {database}");

// A drafter, a statement and enough invitations for every level and then a list of the size asked.
using var api = Load.Client(service.Address, 300);
var bearer = await Accounts.SignInAsync(api);
api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
var statement = await (await api.PostAsJsonAsync("/api/statements", new { title = "Benchmark statement", body = "We, the undersigned, agree.", language = "en", allowsFurtherSignatories = true })).ReadJsonAsync();
var id = statement["id"]!.GetValue<string>();
var slug = statement["slug"]!.GetValue<string>();
var invitationCount = Math.Max(listSize, levels.Length * perLevel);
var tokens = new List<string>();
var bulkClock = Stopwatch.StartNew();
for (var batch = 0; batch * 2000 < invitationCount; batch++)
{
    var csv = new StringBuilder("name,email\n");
    for (var i = batch * 2000; i < Math.Min(invitationCount, (batch + 1) * 2000); i++) csv.Append($"Organisation {Names.Of(i)},org{i}@example.org\n");
    var bulk = await (await api.PostAsync($"/api/statements/{id}/invitations/bulk", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).ReadJsonAsync();
    tokens.AddRange(bulk["rows"]!.AsArray().Select(r => r!["token"]?.GetValue<string>()).OfType<string>());
}
Console.WriteLine($"{tokens.Count} invitations in {bulkClock.Elapsed.TotalSeconds:F0} s");
(await api.PostAsync($"/api/statements/{id}/open", null)).EnsureSuccessStatusCode();

// Signing, level by level, each token once.
var signed = 0;
foreach (var clients in levels)
{
    using var signers = Load.Client(service.Address, clients);
    var batch = tokens.Skip(signed).Take(perLevel).ToList();
    signed += batch.Count;
    var result = await Load.RunAsync(clients, batch, TimeSpan.FromMinutes(10), token => SignAsync(signers, token));
    var baseline = await PgBench.InsertAsync(postgres, database, clients, TimeSpan.FromSeconds(quick ? 3 : 10), work.FullName);
    report.Signing.Add((clients, result, baseline));
    Console.WriteLine($"signing at {clients}: {result.PerSecond:F0}/s p50 {result.Percentile(50):F1} ms p99 {result.Percentile(99):F1} ms, {result.Errors} errors; pgbench {baseline.PerSecond:F0}/s");
}

// The rest of the list, then publication.
using (var filler = Load.Client(service.Address, 32))
    await Load.RunAsync(32, tokens.Skip(signed).Take(listSize - signed), TimeSpan.FromMinutes(20), token => SignAsync(filler, token));
(await api.PostAsync($"/api/statements/{id}/publish", null)).EnsureSuccessStatusCode();
var listed = (await (await api.GetAsync($"/api/public/statements/{slug}/signatories")).ReadJsonAsync())["signatories"]!.AsArray().Count;
Console.WriteLine($"published with {listed} signatories");
report.ListSize = listed;

// Publishing every format, uncached (a query value the cache has not seen), with the service's peak memory.
using var reader = Load.Client(service.Address, 64);
foreach (var (name, path) in Formats.All(slug))
{
    var times = new List<double>();
    long bytes = 0;
    for (var run = 0; run < 3; run++)
    {
        var clock = Stopwatch.StartNew();
        var body = await reader.GetByteArrayAsync($"{path}{(path.Contains('?') ? '&' : '?')}fresh={Guid.NewGuid():N}");
        times.Add(clock.Elapsed.TotalMilliseconds);
        bytes = body.Length;
    }
    report.Formats.Add((name, times.Order().ElementAt(1), bytes, service.PeakMemoryBytes()));
    Console.WriteLine($"{name}: {times.Order().ElementAt(1):F0} ms, {bytes} bytes");
}

// Reading the list at 64 clients, beside nginx serving the same bytes from files.
var page = await reader.GetByteArrayAsync($"/statements/{slug}");
var json = await reader.GetByteArrayAsync($"/api/public/statements/{slug}/signatories");
await using (var nginx = await Nginx.StartAsync(work.FullName, new() { ["page.html"] = page, ["list.json"] = json }))
{
    using var staticReader = Load.Client(nginx.Address, 64);
    foreach (var (name, servicePath, staticPath, expected) in new[]
             {
                 ("HTML page", $"/statements/{slug}", "/page.html", page.Length),
                 ("JSON list", $"/api/public/statements/{slug}/signatories", "/list.json", json.Length),
             })
    {
        var ours = await Load.RepeatAsync(64, readFor, async () => (await reader.GetByteArrayAsync(servicePath)).Length == expected);
        var theirs = await Load.RepeatAsync(64, readFor, async () => (await staticReader.GetByteArrayAsync(staticPath)).Length == expected);
        report.Reading.Add((name, expected, ours, theirs));
        Console.WriteLine($"{name}: {ours.PerSecond:F0}/s vs nginx {theirs.PerSecond:F0}/s");
    }
}

// Start-up of the embedded default (SQLite, seeds imported) to its first answer, beside the bare runtime's start and exit.
for (var run = 0; run < 3; run++)
{
    var startup = await ServiceProcess.TimeToFirstAnswerAsync(root, Path.Combine(work.FullName, $"startup-{run}"));
    var runtime = await ServiceProcess.TimeOfProbeAsync(root);
    report.Startup.Add((startup, runtime));
    Console.WriteLine($"start-up {startup.TotalMilliseconds:F0} ms, runtime alone {runtime.TotalMilliseconds:F0} ms");
}

await service.DisposeAsync();
await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString))
{
    NpgsqlConnection.ClearAllPools();
    await admin.OpenAsync();
    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
    await drop.ExecuteNonQueryAsync();
}

var output = Path.Combine(root, "tests", "Workflow.Benchmarks", quick ? "REPORT-quick.md" : "REPORT.md");
await File.WriteAllTextAsync(output, report.ToMarkdown(quick, levels, perLevel));
Console.WriteLine($"Report: {output}");

static async Task<bool> SignAsync(HttpClient client, string token)
{
    using var answer = await client.PostAsJsonAsync($"/api/invitations/{token}/sign", new { signerName = "Benchmark Signer" });
    return answer.StatusCode == HttpStatusCode.Created;
}
