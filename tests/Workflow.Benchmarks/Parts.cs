using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace Workflow.Benchmarks;

public static class Paths
{
    /// <summary>The folder holding Workflow.sln.</summary>
    public static string Root { get; } = Above(AppContext.BaseDirectory);

    private static string Above(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Workflow.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No folder above {start} holds Workflow.sln.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public static class JsonReading
{
    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}

public static class Accounts
{
    /// <summary>
    /// Registers an account, confirms its address with the link the service e-mailed (read from the pickup folder in
    /// <paramref name="dataDirectory"/>: an unconfirmed account may not invite), and returns its bearer token.
    /// </summary>
    public static async Task<string> SignInAsync(HttpClient api, string dataDirectory)
    {
        var email = $"bench-{Guid.NewGuid():N}@example.org";
        const string password = "Benchmark-horse-9";
        (await api.PostAsJsonAsync("/api/auth/register", new { email, password })).EnsureSuccessStatusCode();
        var pickup = Path.Combine(dataDirectory, "mail-pickup");
        string? query = null;
        for (var waited = Stopwatch.StartNew(); query is null; await Task.Delay(100))
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(1))
                throw new InvalidOperationException($"No confirmation e-mail for {email} in {pickup}.");
            query = (Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml") : [])
                .Select(file => MimeKit.MimeMessage.Load(file))
                .Where(m => m.To.Mailboxes.Any(a => a.Address == email))
                .Select(m => System.Text.RegularExpressions.Regex.Match(m.TextBody ?? "", @"/account/confirm-email(\?\S+)"))
                .FirstOrDefault(m => m.Success)?.Groups[1].Value;
        }
        (await api.GetAsync("/api/auth/confirmEmail" + query)).EnsureSuccessStatusCode();
        return (await (await api.PostAsJsonAsync("/api/auth/login", new { email, password })).ReadJsonAsync())["accessToken"]!
            .GetValue<string>();
    }
}

/// <summary>Distinct organisation names in words (digits would make the directory see look-alikes).</summary>
public static class Names
{
    private static readonly string[] Digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    public static string Of(int n) => string.Join(' ', n.ToString(CultureInfo.InvariantCulture).Select(d => Digits[d - '0']));
}

public static class Formats
{
    public static IEnumerable<(string Name, string Path)> All(string slug) =>
    [
        ("Plain text", $"/statements/{slug}/signatories.txt"),
        ("Markdown", $"/statements/{slug}/signatories.md"),
        ("CSV", $"/statements/{slug}/signatories.csv"),
        ("JSON", $"/statements/{slug}/signatories.json"),
        ("Printable HTML", $"/statements/{slug}/print"),
        ("Atom feed", $"/statements/{slug}/feed.atom"),
        ("Widget", $"/statements/{slug}/widget"),
        ("Statement page", $"/statements/{slug}"),
        ("API list", $"/api/public/statements/{slug}/signatories"),
    ];
}

/// <summary>The built service (Release) as a process of its own.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ServiceProcess(Process process, StringBuilder output, Uri address) => (_process, _output, Address) = (process, output, address);

    public Uri Address { get; }

    private static string Program(string root) =>
        Path.Combine(root, "src", "Workflow.Api", "bin", "Release", "net10.0", "Workflow.Api.dll") is var dll && File.Exists(dll)
            ? dll : throw new InvalidOperationException($"{dll} is missing: dotnet build -c Release first (the run script does).");

    public static async Task<ServiceProcess> StartAsync(string root, Dictionary<string, string> environment)
    {
        var service = Launch(root, environment, out _);
        using var http = new HttpClient { BaseAddress = service.Address };
        for (var deadline = DateTime.UtcNow.AddMinutes(5); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (service._process.HasExited) throw new InvalidOperationException("The service stopped:\n" + service._output);
            try { if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return service; }
            catch (HttpRequestException) { }
        }
        throw new InvalidOperationException("The service was not ready within five minutes:\n" + service._output);
    }

    private static ServiceProcess Launch(string root, Dictionary<string, string> environment, out Stopwatch started, string[]? extra = null,
        string? workingDirectory = null)
    {
        var address = new Uri($"http://127.0.0.1:{Paths.FreePort()}");
        var start = new ProcessStartInfo("dotnet");
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        start.ArgumentList.Add(Program(root));
        foreach (var arg in extra ?? ["--urls", address.ToString()]) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var output = new StringBuilder();
        started = Stopwatch.StartNew();
        return new ServiceProcess(ChildProcess.StartKeepingOutput(start, output), output, address);
    }

    /// <summary>
    /// The embedded default on <paramref name="dataDirectory"/> (empty: migrations and the seed import; used: a restart), started as
    /// <c>dotnet run --project src/Workflow.Api</c> starts it (in the project's folder, with its appsettings.json) but from the Release
    /// build: the time until <c>/health/live</c> answers, then until the home page answers listing every seed statement, the CPU time
    /// the process had used by then, and the steps it logged (<c>Workflow.Startup</c>).
    /// </summary>
    public static async Task<StartUp> StartUpAsync(string root, string dataDirectory, IReadOnlyCollection<string> seedSlugs)
    {
        await using var service = Launch(root, new()
        {
            ["DataDirectory"] = dataDirectory,
            ["Logging__LogLevel__Workflow.Startup"] = "Information",
            ["Logging__Console__FormatterName"] = "json",
        }, out var clock, workingDirectory: Path.Combine(root, "src", "Workflow.Api"));
        using var http = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(30) };
        TimeSpan? live = null;
        while (live is null)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10) || service._process.HasExited)
                throw new InvalidOperationException("The embedded default did not answer /health/live within ten " +
                    "minutes:\n" + service._output);
            try { if ((await http.GetAsync("/health/live")).IsSuccessStatusCode) live = clock.Elapsed; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (live is null) await Task.Delay(10);
        }
        using var answer = await http.GetAsync("/");
        var page = clock.Elapsed;
        var cpu = service.CpuTime();
        var html = await answer.Content.ReadAsStringAsync();
        var missing = seedSlugs.Where(slug => !html.Contains($"/statements/{slug}\"", StringComparison.Ordinal)).ToList();
        if (!answer.IsSuccessStatusCode || missing.Count > 0)
            throw new InvalidOperationException($"The first home page ({(int)answer.StatusCode}) lacks " +
                $"{string.Join(", ", missing)}:\n{html}");
        // The steps are logged when the service listens, before /health/live can answer; give the output reader a moment to catch up.
        for (var waited = Stopwatch.StartNew(); service.Steps().Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(10);)
            await Task.Delay(20);
        return new StartUp(live.Value, page, cpu, service.Steps());
    }

    /// <summary>The lines the service logged under Workflow.Startup (JSON console format): each step's name and milliseconds.</summary>
    private IReadOnlyList<(string Step, double Milliseconds)> Steps()
    {
        lock (_output)
            return _output.ToString().Split('\n')
                .Where(line => line.Contains("\"Workflow.Startup\"", StringComparison.Ordinal))
                .Select(line => JsonNode.Parse(line)!["State"]!)
                .Where(state => state["Step"] is not null)
                .Select(state => (state["Step"]!.GetValue<string>(),
                    double.Parse(state["Milliseconds"]!.ToString(), CultureInfo.InvariantCulture)))
                .ToList();
    }

    /// <summary>User and system CPU time the process has used so far (/proc/[pid]/stat, in clock ticks of 10 ms).</summary>
    private TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the command's name and state.
        return TimeSpan.FromMilliseconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12],
            CultureInfo.InvariantCulture)) * 10);
    }

    /// <summary>The same program run as a one-line command (a health probe of a closed port): the runtime's own start and exit.</summary>
    public static async Task<TimeSpan> TimeOfProbeAsync(string root)
    {
        await using var probe = Launch(root, new(), out var clock, ["probe", $"http://127.0.0.1:{Paths.FreePort()}/"]);
        await probe._process.WaitForExitAsync();
        return clock.Elapsed;
    }

    /// <summary>The process's peak resident memory (VmHWM) since it started or since <see cref="ResetPeakMemory"/>, in bytes.</summary>
    public long PeakMemoryBytes() => StatusBytes("VmHWM:");

    /// <summary>The process's resident memory now (VmRSS), in bytes.</summary>
    public long ResidentMemoryBytes() => StatusBytes("VmRSS:");

    /// <summary>Sets the peak resident memory back to what is resident now (Linux: 5 written to /proc/[pid]/clear_refs).</summary>
    public void ResetPeakMemory() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    private long StatusBytes(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? -1
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private bool _disposed;

    public ValueTask DisposeAsync()
    {
        if (_disposed) return ValueTask.CompletedTask;
        _disposed = true;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>One start: until /health/live answered, until the first page answered, the CPU time used by then, and the steps the service
/// logged.</summary>
public sealed record StartUp(TimeSpan Live, TimeSpan Page, TimeSpan Cpu, IReadOnlyList<(string Step, double Milliseconds)> Steps);

/// <summary>pgbench running the single-row insert a signature amounts to, on the same server and database.</summary>
public static class PgBench
{
    public static async Task<LoadResult> InsertAsync(string postgres, string database, int clients, TimeSpan duration, string work)
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = database };
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("""
                CREATE TABLE IF NOT EXISTS bench_signature (id uuid PRIMARY KEY, statement_id uuid NOT NULL, organisation_id uuid NOT NULL,
                  number integer NOT NULL, signer_name text NOT NULL, text_hash text NOT NULL, signed_at timestamptz NOT NULL,
                  UNIQUE (statement_id, number));
                CREATE SEQUENCE IF NOT EXISTS bench_number;
                TRUNCATE bench_signature;
                """, connection);
            await create.ExecuteNonQueryAsync();
        }
        return await RunAsync(postgres, database, clients, duration, work, "insert",
            "INSERT INTO bench_signature VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', gen_random_uuid(), " +
            "nextval('bench_number'), 'Benchmark Signer', md5(random()::text), now());\n");
    }

    /// <summary>
    /// The statements one signing runs (a group of one), in the same order and under the same row lock, one transaction per
    /// signing: the token lookup, the lock, the reads of the statement, invitation, organisation, standing signatures, version
    /// and the chain's head, the writes of the signature, the chain's link, the two events, the invitation and the statement.
    /// The rows read are the real ones of <paramref name="statementId"/>; the rows written go to copies of the tables
    /// (<c>CREATE TABLE … (LIKE … INCLUDING ALL)</c>: the same columns, keys and indexes) in a schema of their own, copies of
    /// rows the service wrote for a signing with new keys and the next number, so that the service's own data is untouched.
    /// </summary>
    public static async Task<LoadResult> SigningStatementsAsync(string postgres, string database, Guid statementId, int clients,
        TimeSpan duration, string work)
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = database };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        async Task<string> ScalarAsync(string sql)
            => Convert.ToString(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync(), CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException("No answer to: " + sql);
        var s = $"'{statementId}'";
        var signature = await ScalarAsync($"""SELECT "Id" FROM "Signatures" WHERE "StatementId" = {s} AND "EndorsementRequestId" IS NOT NULL ORDER BY "Number" DESC LIMIT 1""");
        var invitation = await ScalarAsync($"""SELECT "EndorsementRequestId" FROM "Signatures" WHERE "Id" = '{signature}'""");
        var tokenHash = await ScalarAsync($"""SELECT "TokenHash" FROM "EndorsementRequests" WHERE "Id" = '{invitation}'""");
        var organisation = await ScalarAsync($"""SELECT "OrganisationId" FROM "Signatures" WHERE "Id" = '{signature}'""");
        var version = await ScalarAsync($"""SELECT "SignableVersionNumber" FROM "Statements" WHERE "Id" = {s}""");
        var logEntry = await ScalarAsync($"""SELECT "Id" FROM "LogEntries" WHERE "SignatureId" = '{signature}' ORDER BY "Index" DESC LIMIT 1""");
        await using (var setUp = new NpgsqlCommand($"""
            DROP SCHEMA IF EXISTS bench_signing CASCADE;
            CREATE SCHEMA bench_signing;
            CREATE TABLE bench_signing.statements (LIKE "Statements" INCLUDING ALL);
            INSERT INTO bench_signing.statements SELECT * FROM "Statements" WHERE "Id" = {s};
            CREATE TABLE bench_signing.invitations (LIKE "EndorsementRequests" INCLUDING ALL);
            INSERT INTO bench_signing.invitations SELECT * FROM "EndorsementRequests" WHERE "Id" = '{invitation}';
            CREATE TABLE bench_signing.signatures (LIKE "Signatures" INCLUDING ALL);
            CREATE TABLE bench_signing.signature_sample AS SELECT * FROM "Signatures" WHERE "Id" = '{signature}';
            CREATE TABLE bench_signing.log_entries (LIKE "LogEntries" INCLUDING ALL);
            CREATE TABLE bench_signing.log_entry_sample AS SELECT * FROM "LogEntries" WHERE "Id" = {logEntry};
            CREATE TABLE bench_signing.outbox (LIKE "OutboxMessages" INCLUDING ALL);
            CREATE TABLE bench_signing.outbox_sample AS SELECT * FROM "OutboxMessages" WHERE "Payload" LIKE '%{signature}%' ORDER BY "Sequence" LIMIT 2;
            """, connection))
            await setUp.ExecuteNonQueryAsync();

        // Each sample row copied with new keys and the next number; the identity columns left to their defaults.
        async Task<string> CopyAsync(string table, string sample, Dictionary<string, string> replaced, string[] omitted)
        {
            var columns = new List<string>();
            await using (var read = new NpgsqlCommand("SELECT column_name FROM information_schema.columns WHERE table_schema = " +
                $"'bench_signing' AND table_name = '{sample}' ORDER BY ordinal_position", connection))
            await using (var reader = await read.ExecuteReaderAsync())
                while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
            var kept = columns.Where(c => !omitted.Contains(c)).ToList();
            return $"INSERT INTO bench_signing.{table} ({string.Join(", ", kept.Select(c => $"\"{c}\""))}) " +
                   $"SELECT {string.Join(", ", kept.Select(c => replaced.GetValueOrDefault(c, $"\"{c}\"")))} FROM bench_signing.{sample};";
        }
        var newKey = "gen_random_uuid()";
        var script = string.Join("\n",
            $"""SELECT * FROM "EndorsementRequests" WHERE "TokenHash" = '{tokenHash}';""",
            "BEGIN;",
            $"""UPDATE bench_signing.statements SET "Title" = "Title" WHERE "Id" = {s} RETURNING "SignatureCount" + 1 AS n \gset""",
            $"""SELECT * FROM bench_signing.statements WHERE "Id" = {s};""",
            $"""SELECT * FROM bench_signing.invitations WHERE "Id" = ANY (ARRAY['{invitation}']::uuid[]);""",
            $"""SELECT * FROM "Organisations" WHERE "Id" = ANY (ARRAY['{organisation}']::uuid[]);""",
            $"""SELECT * FROM bench_signing.signatures WHERE "StatementId" = {s} AND ("EndorsementRequestId" = ANY (ARRAY[gen_random_uuid()]) OR ("Status" = 'Active' AND "OrganisationId" = ANY (ARRAY[gen_random_uuid()])));""",
            $"""SELECT * FROM "StatementVersions" WHERE "StatementId" = {s} AND "Number" = {version} LIMIT 2;""",
            $"""SELECT * FROM bench_signing.log_entries WHERE "StatementId" = {s} ORDER BY "Index" DESC LIMIT 1;""",
            await CopyAsync("signatures", "signature_sample",
                new() { ["Id"] = newKey, ["EndorsementRequestId"] = newKey, ["OrganisationId"] = newKey, ["Number"] = ":n" }, []),
            await CopyAsync("log_entries", "log_entry_sample", new() { ["Index"] = ":n", ["SignatureId"] = newKey }, ["Id"]),
            await CopyAsync("outbox", "outbox_sample", new() { ["MessageId"] = newKey }, ["Sequence"]),
            $"""UPDATE bench_signing.invitations SET "State" = "State", "ConcurrencyStamp" = "ConcurrencyStamp" + 1 WHERE "Id" = '{invitation}';""",
            $"""UPDATE bench_signing.statements SET "SignatureCount" = :n, "UpdatedAt" = now(), "ConcurrencyStamp" = "ConcurrencyStamp" + 1 WHERE "Id" = {s};""",
            "COMMIT;") + "\n";
        return await RunAsync(postgres, database, clients, duration, work, "signing-statements", script);
    }

    private static async Task<LoadResult> RunAsync(string postgres, string database, int clients, TimeSpan duration, string work,
        string name, string scriptText)
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = database };
        var script = Path.Combine(work, $"{name}.sql");
        await File.WriteAllTextAsync(script, scriptText);
        var logs = Directory.CreateDirectory(Path.Combine(work, $"pgbench-{name}-{clients}"));
        var start = new ProcessStartInfo("pgbench") { RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = logs.FullName };
        foreach (var arg in new[] { "-n", "-f", script, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
                     "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-l", "-h", builder.Host!, "-p",
                     builder.Port.ToString(CultureInfo.InvariantCulture),
                     "-U", builder.Username!, database })
            start.ArgumentList.Add(arg);
        start.Environment["PGPASSWORD"] = builder.Password;
        // TLS or not, as the service's connections: the baseline pays for encryption exactly when the service does.
        start.Environment["PGSSLMODE"] = builder.SslMode switch
        {
            SslMode.Disable => "disable", SslMode.Allow => "allow", SslMode.Prefer => "prefer", SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer",
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start");
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("pgbench failed:\n" + output);
        // Per-transaction log lines: client_id transaction_no time(µs) script_no time_epoch time_us.
        var latencies = Directory.GetFiles(logs.FullName, "pgbench_log.*").SelectMany(File.ReadLines)
            .Select(l => double.Parse(l.Split(' ')[2], CultureInfo.InvariantCulture) / 1000).ToArray();
        return new LoadResult(latencies.Length, 0, duration, latencies);
    }
}

/// <summary>
/// nginx serving files from a folder of its own, on a free port. With <c>answersPosts</c>, a POST to a file is answered
/// with 202 and the file (a static file refuses a POST with 405, which an error page turns into the file itself).
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;

    private Nginx(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public static async Task<Nginx> StartAsync(string work, Dictionary<string, byte[]> files, bool answersPosts = false)
    {
        var prefix = Directory.CreateDirectory(Path.Combine(work, "nginx"));
        var site = Directory.CreateDirectory(Path.Combine(prefix.FullName, "site"));
        foreach (var (name, bytes) in files) await File.WriteAllBytesAsync(Path.Combine(site.FullName, name), bytes);
        var port = Paths.FreePort();
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        var posts = answersPosts ? string.Concat(files.Keys.Select(name => $"location = /{name} {{ error_page 405 =202 /{name}; }} ")) : "";
        await File.WriteAllTextAsync(Path.Combine(prefix.FullName, "nginx.conf"), $$"""
            {{user}}worker_processes auto;
            daemon off;
            pid {{prefix.FullName}}/nginx.pid;
            error_log {{prefix.FullName}}/error.log;
            events { worker_connections 1024; }
            http {
              access_log off;
              include /etc/nginx/mime.types;
              client_body_temp_path {{prefix.FullName}}/body;
              proxy_temp_path {{prefix.FullName}}/proxy;
              fastcgi_temp_path {{prefix.FullName}}/fastcgi;
              uwsgi_temp_path {{prefix.FullName}}/uwsgi;
              scgi_temp_path {{prefix.FullName}}/scgi;
              server { listen 127.0.0.1:{{port}}; root {{site.FullName}}; {{posts}}}
            }
            """);
        var start = new ProcessStartInfo("nginx") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", prefix.FullName, "-c", Path.Combine(prefix.FullName, "nginx.conf") }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start (apt-get install nginx-light)");
        var nginx = new Nginx(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = nginx.Address };
        for (var i = 0; i < 50; i++, await Task.Delay(100))
        {
            try { if ((await http.GetAsync("/" + files.Keys.First())).IsSuccessStatusCode) return nginx; }
            catch (HttpRequestException) { }
        }
        throw new InvalidOperationException("nginx did not answer:\n" + await process.StandardError.ReadToEndAsync());
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
