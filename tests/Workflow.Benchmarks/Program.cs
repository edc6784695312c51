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
// signing against pgbench's single-row inserts and against pgbench running the statements a signing runs, bulk invitation
// of 10,000 rows against the database writing the same rows, the word diff of two 200 KB versions against git's, reading a 10,000-signatory
// list against nginx serving the same bytes,
// publishing every format, start-up against the bare runtime, and a surge of open sign-on submissions against nginx
// taking the same requests at the same rate. Writes tests/Workflow.Benchmarks/REPORT.md.
// Run: tests/Workflow.Benchmarks/run   (a throwaway PostgreSQL server of its own, or WORKFLOW_BENCH_POSTGRES; --quick for a short smoke
// run;
// --only signing|bulk|diff|lists|surge|startup for one section alone, into REPORT-<section>.md, or REPORT-quick-<section>.md with
// --quick; --only lists fills the list without measuring the signing, or restores it from WORKFLOW_BENCH_LIST_DUMP, a pg_dump
// file written by the first run that names it; --rate N and --seconds N set the surge's offered rate and length, e.g. above
// what the machine manages to see the overload refused, into REPORT-surge-N.md)

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
string[] sections = ["signing", "bulk", "diff", "lists", "surge", "startup"];
var rateArgument = args.SkipWhile(a => a != "--rate").Skip(1).FirstOrDefault() is { } rateText
    ? double.Parse(rateText, CultureInfo.InvariantCulture) : (double?)null;
var secondsArgument = args.SkipWhile(a => a != "--seconds").Skip(1).FirstOrDefault() is { } secondsText
    ? int.Parse(secondsText, CultureInfo.InvariantCulture) : (int?)null;
if (args.Contains("--only") && !sections.Contains(only))
{
    Console.Error.WriteLine($"--only takes the name of a section run on its own: {string.Join(", ", sections)}");
    return 2;
}
var root = Paths.Root;
// The server is on this machine: its connections go over loopback without TLS (as a database on the same host or a private
// network is usually reached), for the service and pgbench alike. With TLS, encrypting every round trip took about a
// quarter of the service's CPU in the surge's profile.
var postgres = Environment.GetEnvironmentVariable("WORKFLOW_BENCH_POSTGRES") is { Length: > 0 } server ? server
    : "Host=localhost;Username=workflow;Password=workflow;SSL Mode=Disable";
int[] levels = [16, 64, 256];
const int CrowdAddresses = 200;
var perLevel = quick ? 300 : 3000;
var listSize = quick ? 1000 : 10_000;
var readFor = TimeSpan.FromSeconds(quick ? 3 : 10);
var report = new Report();

var work = Directory.CreateTempSubdirectory("workflow-bench-");
if (only is null or "signing" or "lists")
{
    var database = $"workflow_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
    var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database, MaxPoolSize = 40 }.ConnectionString;
    // --only lists with WORKFLOW_BENCH_LIST_DUMP: the published list restored from a dump (pg_dump -Fc) an earlier run wrote
    // there, into a service process that has done nothing else; filling it takes half an hour on a busy machine.
    var dump = only == "lists" && Environment.GetEnvironmentVariable("WORKFLOW_BENCH_LIST_DUMP") is { Length: > 0 } dumpFile ? dumpFile
        : null;
    var restore = dump is not null && File.Exists(dump);
    if (restore) await RestoreAsync(database, dump!);
    await using var service = await ServiceProcess.StartAsync(root, ServiceEnvironment(connection, Path.Combine(work.FullName, "data")));
    Console.WriteLine($"Service at {service.Address}, database {database}");

    string slug;
    if (restore)
    {
        using var lister = Load.Client(service.Address, 1);
        var summary = (await lister.GetFromJsonAsync<JsonArray>("/api/public/statements"))!
            .Single(s => s!["title"]!.GetValue<string>() == "Benchmark statement")!;
        slug = summary["slug"]!.GetValue<string>();
        report.ListSize = summary["signatoryCount"]!.GetValue<int>();
        report.ListFromDump = true;
        Console.WriteLine($"restored a list of {report.ListSize} signatories from {dump}");
    }
    else
    {
        // A drafter, a statement and enough invitations for every level and then a list of the size asked.
        using var api = Load.Client(service.Address, 300);
        // A file of thousands of invitations takes minutes on a busy machine.
        api.Timeout = TimeSpan.FromMinutes(10);
        var bearer = await Accounts.SignInAsync(api, Path.Combine(work.FullName, "data"));
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var statement = await (await api.PostAsJsonAsync("/api/statements",
            new { title = "Benchmark statement", body = "We, the undersigned, agree.", language = "en", allowsFurtherSignatories = true }))
            .ReadJsonAsync();
        var id = statement["id"]!.GetValue<string>();
        slug = statement["slug"]!.GetValue<string>();
        var invitationCount = only switch { null => Math.Max(listSize, levels.Length * perLevel), "lists" => listSize,
            _ => levels.Length * perLevel };
        // Open first: a draft's invitations are held, and their links handed over only once it opens.
        (await api.PostAsync($"/api/statements/{id}/open", null)).EnsureSuccessStatusCode();
        var tokens = new List<string>();
        var bulkClock = Stopwatch.StartNew();
        for (var batch = 0; batch * 2000 < invitationCount; batch++)
        {
            var csv = new StringBuilder("name,email\n");
            for (var i = batch * 2000; i < Math.Min(invitationCount, (batch + 1) * 2000); i++)
                csv.Append($"Organisation {Names.Of(i)},org{i}@example.org\n");
            var bulk = await (await api.PostAsync($"/api/statements/{id}/invitations/bulk?handOverLinks=true",
                new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).ReadJsonAsync();
            tokens.AddRange(bulk["rows"]!.AsArray().Select(r => r!["token"]?.GetValue<string>()).OfType<string>());
        }
        Console.WriteLine($"{tokens.Count} invitations in {bulkClock.Elapsed.TotalSeconds:F0} s");

        // Signing, level by level, each token once (not measured when the lists are run alone).
        var signed = 0;
        foreach (var clients in only == "lists" ? [] : levels)
        {
            using var signers = Load.Client(service.Address, clients);
            var batch = tokens.Skip(signed).Take(perLevel).ToList();
            signed += batch.Count;
            var result = await Load.RunAsync(clients, batch, TimeSpan.FromMinutes(10), token => SignAsync(signers, token));
            var baseline = await PgBench.InsertAsync(postgres, database, clients, TimeSpan.FromSeconds(quick ? 3 : 10), work.FullName);
            var sameStatements = await PgBench.SigningStatementsAsync(postgres, database, Guid.Parse(id), clients,
                TimeSpan.FromSeconds(quick ? 3 : 10), work.FullName);
            report.Signing.Add((clients, result, baseline, sameStatements));
            Console.WriteLine($"signing at {clients}: {result.PerSecond:F0}/s p50 {result.Percentile(50):F1} ms p99 " +
                              $"{result.Percentile(99):F1} ms, {result.Errors} errors; " +
                              $"pgbench {baseline.PerSecond:F0}/s, the same statements {sameStatements.PerSecond:F0}/s p99 " +
                              $"{sameStatements.Percentile(99):F1} ms");
        }

        if (only is null or "lists")
        {
            // The rest of the list (each signing tried again while the service refuses it for overload), then publication.
            using (var filler = Load.Client(service.Address, 32))
                await Load.RunAsync(32, tokens.Skip(signed).Take(listSize - signed), TimeSpan.FromMinutes(30),
                    token => SignUntilTakenAsync(filler, token));
            (await api.PostAsync($"/api/statements/{id}/publish", null)).EnsureSuccessStatusCode();
            var listed = (await (await api.GetAsync($"/api/public/statements/{slug}/signatories")).ReadJsonAsync())["signatories"]!
                .AsArray().Count;
            Console.WriteLine($"published with {listed} signatories");
            report.ListSize = listed;
            if (dump is not null)
            {
                await DumpAsync(database, dump);
                Console.WriteLine($"the published list dumped to {dump}: WORKFLOW_BENCH_LIST_DUMP={dump} restores it");
            }
        }
    }

    if (only is null or "lists")
    {
        // Publishing every format, uncached (a query value the cache has not seen). The peak resident memory is set back before
        // each format (Linux's clear_refs), so that each figure is the peak while that format was made, not what came before.
        using var reader = Load.Client(service.Address, 64);
        report.ResidentBeforePublishing = service.ResidentMemoryBytes();
        Console.WriteLine($"resident before the first format: {report.ResidentBeforePublishing / 1048576.0:F0} MiB");
        foreach (var (name, path) in Formats.All(slug))
        {
            var times = new List<double>();
            long bytes = 0;
            service.ResetPeakMemory();
            for (var run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                var body = await reader.GetByteArrayAsync($"{path}{(path.Contains('?') ? '&' : '?')}fresh={Guid.NewGuid():N}");
                times.Add(clock.Elapsed.TotalMilliseconds);
                bytes = body.Length;
            }
            report.Formats.Add((name, times.Order().ElementAt(1), bytes, service.PeakMemoryBytes()));
            Console.WriteLine($"{name}: {times.Order().ElementAt(1):F0} ms, {bytes} bytes, peak " +
                $"{service.PeakMemoryBytes() / 1048576.0:F0} MiB");
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
                var ours = await Load.RepeatAsync(64, readFor,
                    async () => (await reader.GetByteArrayAsync(servicePath)).Length == expected);
                var theirs = await Load.RepeatAsync(64, readFor,
                    async () => (await staticReader.GetByteArrayAsync(staticPath)).Length == expected);
                report.Reading.Add((name, expected, ours, theirs));
                Console.WriteLine($"{name}: {ours.PerSecond:F0}/s vs nginx {theirs.PerSecond:F0}/s");
            }
        }
    }

    await service.DisposeAsync();
    await DropDatabaseAsync(database);
}

// Bulk invitation: one CSV file of 10,000 rows through the API, first of organisations new to the directory, then of the same
// ones on another statement (all known by then). Baseline: the database itself writing the same rows (the invitations, the
// new organisations and the outbox's events the request wrote, copied by INSERT … SELECT into tables of the same shape) in
// one transaction. A service process and database of its own.
if (only is null or "bulk")
{
    var bulkRows = quick ? 1000 : 10_000;
    var (bulkDatabase, bulkConnection) = DatabaseOfItsOwn("bulk", maxPoolSize: 40);
    var bulkData = Path.Combine(work.FullName, "bulk", "data");
    await using (var bulkService = await ServiceProcess.StartAsync(root, ServiceEnvironment(bulkConnection, bulkData)))
    {
        Console.WriteLine($"Bulk service at {bulkService.Address}, database {bulkDatabase}");
        using var drafter = await SignedInDrafterAsync(bulkService, bulkData, timeout: TimeSpan.FromMinutes(10));
        async Task<(string Id, JsonObject Report, TimeSpan Took)> InviteAsync(string title, int rows, string prefix)
        {
            var created = await (await drafter.PostAsJsonAsync("/api/statements",
                new { title, body = "We, the undersigned, agree.", language = "en" })).ReadJsonAsync();
            var statementId = created["id"]!.GetValue<string>();
            (await drafter.PostAsync($"/api/statements/{statementId}/open", null)).EnsureSuccessStatusCode();
            var csv = new StringBuilder("name,acronym,country,email\n");
            for (var i = 0; i < rows; i++)
                csv.Append($"Organisation {prefix} {Names.Of(i)},{prefix}{i},FR,contact{i}@org{i}.example.org\n");
            var clock = Stopwatch.StartNew();
            using var answer = await drafter.PostAsync($"/api/statements/{statementId}/invitations/bulk",
                new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            var took = clock.Elapsed;
            answer.EnsureSuccessStatusCode();
            return (statementId, await answer.ReadJsonAsync(), took);
        }

        await InviteAsync("Warm-up", 200, "W"); // the JIT and the connection pools, not measured
        foreach (var (run, newOrganisations) in new[] { ("Organisations new to the directory", true),
            ("The same organisations, already in the directory", false) })
        {
            await using var database = new NpgsqlConnection(bulkConnection);
            await database.OpenAsync();
            var outboxBefore = Convert.ToInt64(await new NpgsqlCommand("""SELECT coalesce(max("Sequence"), 0) FROM "OutboxMessages" """,
                database).ExecuteScalarAsync());
            var (statementId, bulk, took) = await InviteAsync(run, bulkRows, "B");
            int Count(string outcome) => bulk[outcome]!.GetValue<int>();
            if (Count("created") + Count("matched") != bulkRows)
                throw new InvalidOperationException($"{run}: not every row was invited: " +
                    $"{bulk.ToJsonString()[..Math.Min(2000, bulk.ToJsonString().Length)]}");

            await using (var setUp = new NpgsqlCommand("""
                DROP SCHEMA IF EXISTS bench_bulk CASCADE;
                CREATE SCHEMA bench_bulk;
                CREATE TABLE bench_bulk.invitations (LIKE "EndorsementRequests" INCLUDING ALL);
                CREATE TABLE bench_bulk.organisations (LIKE "Organisations" INCLUDING ALL);
                CREATE TABLE bench_bulk.outbox (LIKE "OutboxMessages" INCLUDING ALL);
                """, database))
                await setUp.ExecuteNonQueryAsync();
            var copy = $"""
                BEGIN;
                INSERT INTO bench_bulk.invitations SELECT * FROM "EndorsementRequests" WHERE "StatementId" = '{statementId}';
                {(newOrganisations ? $"INSERT INTO bench_bulk.organisations SELECT * FROM \"Organisations\" WHERE \"Id\" IN (SELECT \"OrganisationId\" FROM \"EndorsementRequests\" WHERE \"StatementId\" = '{statementId}');" : "")}
                INSERT INTO bench_bulk.outbox SELECT * FROM "OutboxMessages" WHERE "Sequence" > {outboxBefore} AND "Payload" LIKE '%{statementId}%';
                COMMIT;
                """;
            var baselineClock = Stopwatch.StartNew();
            await using (var insert = new NpgsqlCommand(copy, database)) await insert.ExecuteNonQueryAsync();
            var baseline = baselineClock.Elapsed;
            var written = Convert.ToInt64(await new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM bench_bulk.invitations) + (SELECT count(*) FROM bench_bulk.organisations) + (SELECT " +
                "count(*) FROM bench_bulk.outbox)", database).ExecuteScalarAsync());
            report.Bulk.Add((run, bulkRows, Count("created"), Count("matched"), Count("rejected"), took, baseline, written));
            Console.WriteLine($"bulk, {run}: {took.TotalSeconds:F1} s; the database writing the same {written} rows " +
                $"{baseline.TotalMilliseconds:F0} ms");
        }
    }
    await DropDatabaseAsync(bulkDatabase);
}

// The word diff of two 200 KB versions, through the API (GET /api/statements/{id}/diff), the median of five; beside it,
// git's word diff of the same two texts as files (git diff --no-index --word-diff) and the service answering the newer
// version alone (the same bytes to send, no comparison). A service process and database of its own.
if (only is null or "diff")
{
    var (diffDatabase, diffConnection) = DatabaseOfItsOwn("diff", maxPoolSize: 10);
    var diffData = Path.Combine(work.FullName, "diff", "data");
    await using (var diffService = await ServiceProcess.StartAsync(root, ServiceEnvironment(diffConnection, diffData)))
    {
        Console.WriteLine($"Diff service at {diffService.Address}, database {diffDatabase}");
        using var drafter = await SignedInDrafterAsync(diffService, diffData, timeout: TimeSpan.FromMinutes(5));
        var original = Prose.Paragraphs(1);
        foreach (var (name, older, newer) in new[]
                 {
                     ("Scattered changes (one word in 40 changed)", original, Prose.Scattered(original, 40)),
                     ("Unrelated texts", original, Prose.Paragraphs(2)),
                     ("The same paragraphs in reverse order", original, original.AsEnumerable().Reverse().ToList()),
                 })
        {
            var (oldBody, newBody) = (string.Join("\n\n", older), string.Join("\n\n", newer));
            const string title = "Two versions of 200 KB";
            var created = await (await drafter.PostAsJsonAsync("/api/statements", new { title, body = oldBody, language = "en" }))
                .ReadJsonAsync();
            var statementId = created["id"]!.GetValue<string>();
            (await drafter.PutAsJsonAsync($"/api/statements/{statementId}/draft", new { title, body = newBody, baseVersion = 1 }))
                .EnsureSuccessStatusCode();

            async Task<(double Ms, JsonObject Answer)> TimeAsync(string path)
            {
                var clock = Stopwatch.StartNew();
                var answer = await (await drafter.GetAsync(path)).EnsureSuccessStatusCode().ReadJsonAsync();
                return (clock.Elapsed.TotalMilliseconds, answer);
            }
            var diffs = new List<(double Ms, JsonObject Answer)>();
            var versions = new List<double>();
            for (var run = 0; run < 6; run++)
            {
                diffs.Add(await TimeAsync($"/api/statements/{statementId}/diff?from=1&to=2"));
                versions.Add((await TimeAsync($"/api/statements/{statementId}/versions/2")).Ms);
            }
            // The runs must rebuild both texts: a fast wrong answer counts for nothing.
            var runs = diffs[^1].Answer["runs"]!.AsArray();
            string Rebuilt(string kind)
                => string.Concat(runs.Where(r => r!["kind"]!.GetValue<string>() != kind).Select(r => r!["text"]!.GetValue<string>()));
            if (Rebuilt("inserted") != $"{title}\n\n{oldBody}" || Rebuilt("deleted") != $"{title}\n\n{newBody}")
                throw new InvalidOperationException($"{name}: the diff's runs do not rebuild the two versions");

            var folder = Directory.CreateDirectory(Path.Combine(work.FullName, "diff", statementId));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "old.txt"), $"{title}\n\n{oldBody}");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "new.txt"), $"{title}\n\n{newBody}");
            var git = new List<double>();
            for (var run = 0; run < 6; run++) git.Add(await GitWordDiffAsync(folder.FullName));

            static double Median(IEnumerable<double> times) => times.Skip(1).Order().ElementAt(2); // the first run warms up
            report.Diff.Add((name, oldBody.Length, newBody.Length, runs.Count, Median(diffs.Select(d => d.Ms)), Median(versions),
                Median(git)));
            Console.WriteLine($"diff, {name}: {Median(diffs.Select(d => d.Ms)):F0} ms ({runs.Count} runs); the version alone " +
                $"{Median(versions):F0} ms; git {Median(git):F0} ms");
        }
    }
    await DropDatabaseAsync(diffDatabase);
}

// Start-up of the embedded default (SQLite, seeds imported, in-memory bus) until /health/live answers and then the home page
// (checked to list every seed statement), first from an empty data directory and then again on the data it left (a restart),
// beside the bare runtime's start and exit; with the steps the service logged and the CPU time it had used by then.
if (only is null or "startup")
{
    var seedSlugs = Directory.GetFiles(Path.Combine(root, "seeds"), "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>()
        .ToArray();
    for (var run = 0; run < (quick ? 1 : 3); run++)
    {
        var data = Path.Combine(work.FullName, $"startup-{run}");
        var first = await ServiceProcess.StartUpAsync(root, data, seedSlugs);
        var restart = await ServiceProcess.StartUpAsync(root, data, seedSlugs);
        var runtime = await ServiceProcess.TimeOfProbeAsync(root);
        report.Startup.Add((first, restart, runtime));
        Console.WriteLine($"first start: live {first.Live.TotalMilliseconds:F0} ms, page {first.Page.TotalMilliseconds:F0} ms; " +
                          $"restart: live {restart.Live.TotalMilliseconds:F0} ms, page {restart.Page.TotalMilliseconds:F0} ms; runtime " +
                          $"alone {runtime.TotalMilliseconds:F0} ms");
    }
}

// The open sign-on surge, on a service process and database of its own so that it neither disturbs the sections above nor
// is disturbed by what they left. The crowd comes from 200 loopback addresses (a crowd comes from many networks; from one
// address, every submission would update that address's one counter row, one after another), each sending some 300
// submissions in the two minutes, so the limit meant for one address and the cap on entries waiting on one statement are
// raised; each submission still comes from its own e-mail address at its own domain.
if (only is null or "surge")
{
    var surgeRate = rateArgument ?? (quick ? 100 : 500);
    var surgeFor = TimeSpan.FromSeconds(secondsArgument ?? (quick ? 10 : 120));
    var catchUpLimit = TimeSpan.FromMinutes(quick ? 1 : 10);
    var warmUp = quick ? 50 : 200;
    var raised = new Dictionary<string, string>
    {
        ["OpenSignOn__PerClientAddressPerHour"] = "1000000",
        ["OpenSignOn__MaxPendingPerStatement"] = "1000000",
    };
    var (surgeDatabase, surgeConnection) = DatabaseOfItsOwn("surge", maxPoolSize: 40);
    var surgeWork = Path.Combine(work.FullName, "surge");
    var surgeEnvironment = ServiceEnvironment(surgeConnection, Path.Combine(surgeWork, "data"));
    foreach (var (key, value) in raised) surgeEnvironment[key] = value;
    await using (var surgeService = await ServiceProcess.StartAsync(root, surgeEnvironment))
    {
        Console.WriteLine($"Surge service at {surgeService.Address}, database {surgeDatabase}");
        using var drafter = await SignedInDrafterAsync(surgeService, Path.Combine(surgeWork, "data"));
        var petition = await (await drafter.PostAsJsonAsync("/api/statements",
            new { title = "Surge statement", body = "We, the undersigned, call for it.", language = "en",
                allowsFurtherSignatories = true })).ReadJsonAsync();
        var petitionId = petition["id"]!.GetValue<string>();
        var signOnPath = $"/api/public/statements/{petition["slug"]!.GetValue<string>()}/sign-on";
        (await drafter.PostAsync($"/api/statements/{petitionId}/open", null)).EnsureSuccessStatusCode();
        (await drafter.PutAsJsonAsync($"/api/statements/{petitionId}/open-sign-on", new { enabled = true })).EnsureSuccessStatusCode();
        var textHash = (await (await drafter.GetAsync(signOnPath)).ReadJsonAsync())["version"]!["textHash"]!.GetValue<string>();

        // A crowd: as many connections as it likes, each visitor waiting 30 s for an answer at most.
        using var crowd = Load.CrowdClient(surgeService.Address, 1000, CrowdAddresses);
        crowd.Timeout = TimeSpan.FromSeconds(30);
        async Task<HttpStatusCode> SubmitAsync(HttpClient client, string path, int n)
        {
            using var answer = await client.PostAsJsonAsync(path, SignOn(n, textHash));
            return answer.StatusCode;
        }

        // Warm-up (JIT, connection pools), keeping a receipt for nginx to answer with; then every consumer drained.
        var receipt = Array.Empty<byte>();
        var warm = await Load.RunAsync(8, Enumerable.Range(0, warmUp), TimeSpan.FromMinutes(2), async n =>
        {
            using var answer = await crowd.PostAsJsonAsync(signOnPath, SignOn(n, textHash));
            receipt = await answer.Content.ReadAsByteArrayAsync();
            return answer.StatusCode == HttpStatusCode.Accepted;
        });
        if (warm.Errors > 0)
            throw new InvalidOperationException($"{warm.Errors} of {warmUp} warm-up submissions failed; an answer: " +
                $"{Encoding.UTF8.GetString(receipt)}");
        await using var lag = await ConsumerLag.OpenAsync(surgeConnection, Guid.Parse(petitionId),
            Path.Combine(surgeWork, "data", "mail-pickup"));
        await lag.WaitUntilCaughtUpAsync(TimeSpan.FromMinutes(2));

        // Baseline: the same generator, rate, time and bodies, against nginx answering each with 202 and the service's receipt.
        OpenLoopResult baseline;
        await using (var nginx = await Nginx.StartAsync(surgeWork, new() { ["sign-on.json"] = receipt }, answersPosts: true))
        {
            using var staticCrowd = Load.CrowdClient(nginx.Address, 1000, CrowdAddresses);
            staticCrowd.Timeout = crowd.Timeout;
            baseline = await Load.OpenLoopAsync(surgeRate, surgeFor, n => SubmitAsync(staticCrowd, "/sign-on.json", warmUp + n));
        }
        Console.WriteLine($"nginx at {surgeRate}/s: {baseline.Load.PerSecond:F0}/s p99 {baseline.Load.Percentile(99):F1} ms, errors: " +
            $"{baseline.ErrorSummary}");

        var surge = await lag.SurgeAsync(surgeRate, surgeFor, catchUpLimit, n => SubmitAsync(crowd, signOnPath, warmUp + n));
        var emails = EmailLatencies.Measure(Path.Combine(surgeWork, "data", "mail-pickup"), surge.Load, warmUp, await lag.SavedAtAsync());
        report.Surge = (surge, baseline, warmUp, raised, emails);
        Console.WriteLine($"surge at {surgeRate}/s: {surge.Load.Accepted} accepted ({surge.Load.Load.PerSecond:F0}/s), " +
                          $"{surge.Load.Refused} refused, {surge.Load.TimedOut} timed out, " +
                          $"{surge.Load.OtherErrors} other; p99 {surge.Load.Load.Percentile(99):F1} ms, errors: {surge.Load.ErrorSummary}");
        Console.WriteLine($"e-mails: {emails.Emailed} of {emails.Accepted}; p50 {emails.Percentile(50):F1} s, p95 " +
            $"{emails.Percentile(95):F1} s, p99 {emails.Percentile(99):F1} s; from the entry saved p50 " +
            $"{emails.Percentile(50, sinceSaved: true):F1} s, p99 {emails.Percentile(99, sinceSaved: true):F1} s");
        foreach (var consumer in surge.Consumers)
        {
            var caughtUp = consumer.CaughtUpAfter is { } after ? $"{after.TotalSeconds:F0} s after the surge" : "not within the limit";
            Console.WriteLine($"{consumer.Name}: max backlog {consumer.MaxBacklog} ({consumer.MaxBehindSeconds:F1} s behind), " +
                              $"caught up {caughtUp}");
        }
    }
    await DropDatabaseAsync(surgeDatabase);
}

var output = Path.Combine(root, "tests", "Workflow.Benchmarks",
    $"{(quick ? "REPORT-quick" : "REPORT")}{(only is null ? "" : "-" + only)}{(rateArgument is { } rate ? $"-{rate:F0}" : "")}.md");
await File.WriteAllTextAsync(output, report.ToMarkdown(quick, levels, perLevel));
Console.WriteLine($"Report: {output}");
return 0;

// A part's database of its own on the server, named after the part and the time: its name and the connection string to it.
(string Name, string ConnectionString) DatabaseOfItsOwn(string part, int maxPoolSize)
{
    var name = $"workflow_bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{part}";
    return (name, new NpgsqlConnectionStringBuilder(postgres) { Database = name, MaxPoolSize = maxPoolSize }.ConnectionString);
}

// A drafter's client of a part's service (four connections), signed in with an account of its own; the timeout, if given, is
// set before the first request, as HttpClient wants it.
static async Task<HttpClient> SignedInDrafterAsync(ServiceProcess service, string dataDirectory, TimeSpan? timeout = null)
{
    var drafter = Load.Client(service.Address, 4);
    if (timeout is { } limit) drafter.Timeout = limit;
    drafter.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
        await Accounts.SignInAsync(drafter, dataDirectory));
    return drafter;
}

Dictionary<string, string> ServiceEnvironment(string connectionString, string dataDirectory) => new()
{
    ["Database__Provider"] = "PostgreSql",
    ["ConnectionStrings__Workflow"] = connectionString,
    ["DataDirectory"] = dataDirectory,
    ["Seeds__ImportOnStartup"] = "false",
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Cookies__RequireHttps"] = "false",
    ["Logging__LogLevel__Default"] = "Warning",
};

// The database as pg_dump's custom format, to be restored by RestoreAsync in a later run.
async Task DumpAsync(string name, string file)
{
    await RunPostgresToolAsync("pg_dump", ["--format=custom", "--no-owner", "--file", file, "--dbname", name]);
}

async Task RestoreAsync(string name, string file)
{
    await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString))
    {
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
    }
    await RunPostgresToolAsync("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", name, file]);
}

async Task RunPostgresToolAsync(string tool, string[] arguments)
{
    var builder = new NpgsqlConnectionStringBuilder(postgres);
    // The tools of the server's own version (Debian puts them under /usr/lib/postgresql/<version>/bin).
    var bin = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order().LastOrDefault() : null;
    var start = new ProcessStartInfo(bin is not null && File.Exists(Path.Combine(bin, "bin", tool)) ? Path.Combine(bin, "bin", tool)
        : tool) { RedirectStandardError = true };
    foreach (var arg in new[] { "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U",
        builder.Username! }.Concat(arguments))
        start.ArgumentList.Add(arg);
    start.Environment["PGPASSWORD"] = builder.Password;
    start.Environment["PGSSLMODE"] = "disable";
    using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
    var errors = await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}):\n{errors}");
}

async Task DropDatabaseAsync(string name)
{
    await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString);
    NpgsqlConnection.ClearAllPools();
    await admin.OpenAsync();
    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
    await drop.ExecuteNonQueryAsync();
}

static async Task<double> GitWordDiffAsync(string folder)
{
    var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var arg in new[] { "diff", "--no-index", "--word-diff=porcelain", "old.txt", "new.txt" }) start.ArgumentList.Add(arg);
    var clock = Stopwatch.StartNew();
    using var git = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
    var output = git.StandardOutput.ReadToEndAsync();
    var errors = await git.StandardError.ReadToEndAsync();
    await output;
    await git.WaitForExitAsync();
    // git diff --no-index answers 1 when the files differ.
    if (git.ExitCode != 1) throw new InvalidOperationException($"git diff failed ({git.ExitCode}): {errors}");
    return clock.Elapsed.TotalMilliseconds;
}

static async Task<bool> SignAsync(HttpClient client, string token)
{
    using var answer = await client.PostAsJsonAsync($"/api/invitations/{token}/sign", new { signerName = "Benchmark Signer" });
    return answer.StatusCode == HttpStatusCode.Created;
}

// Filling a list: a signing the service refuses for overload (503 or 429) is sent again after a moment, as a client is told to.
static async Task<bool> SignUntilTakenAsync(HttpClient client, string token)
{
    for (var attempt = 0; ; attempt++)
    {
        using var answer = await client.PostAsJsonAsync($"/api/invitations/{token}/sign", new { signerName = "Benchmark Signer" });
        if (answer.StatusCode == HttpStatusCode.Created) return true;
        if (answer.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests) || attempt == 20) return false;
        await Task.Delay(TimeSpan.FromMilliseconds(500 * (attempt + 1)));
    }
}

// Each submission from its own address at its own domain, as a real surge's would be.
static object SignOn(int n, string textHash) => new
{
    organisation = new { name = $"Organisation {Names.Of(n)}", country = "GB" },
    email = $"signer@org{n}.example.org",
    signerName = "Surge Signer",
    textHash,
    language = "en",
};
