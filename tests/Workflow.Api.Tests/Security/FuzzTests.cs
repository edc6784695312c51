using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Security;

/// <summary>
/// Property-based fuzzing (CsCheck) of every API operation the OpenAPI document lists: route values, query values and
/// bodies drawn from each operation's own schema — mostly well-typed, often not, with hostile strings, wrong types, extra
/// and missing fields, malformed JSON — sent as the statement's owner or anonymously. Two properties: no answer is a 5xx,
/// and a refused request (4xx) changes nothing in the database (every table's rows are fingerprinted before and after;
/// only the tables that consumers write in the background are left out).
/// </summary>
public sealed class FuzzTests
{
    private const int Requests = 1500;

    private sealed record Operation(string Method, string Path, IReadOnlyList<(string Name, string In, JsonNode? Schema)> Parameters,
        JsonNode? Body)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private sealed record Request(Operation Operation, string Url, string? Body, bool Anonymous)
    {
        public override string ToString() => $"{Operation.Method} {Url} {(Anonymous ? "(anonymous)" : "(owner)")}\n{Shorten(Body)}";
    }

    [Fact]
    public async Task Random_requests_to_every_operation_never_get_a_server_error_nor_leave_a_partial_write()
    {
        await using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            ["TokenGuessing:FailedLookupsPerWindow"] = "1000000",
            ["OpenSignOn:PerClientAddressPerHour"] = "1000000",
            ["OpenSignOn:PerEmailDomainPerHour"] = "1000000",
        });
        var owner = await factory.SignedInClientAsync();
        var anonymous = factory.CreateClient();
        // Statements in several states, so that the handlers get past "not found" often.
        var draft = (await owner.CreateStatementAsync(title: "Fuzzed draft", body: "One.\n\nTwo.\n\nThree.")).Id;
        var open = await owner.CreateStatementAsync(title: "Fuzzed open statement");
        await owner.OpenAsync(open.Id);
        await owner.InviteAsync(open.Id, email: "fuzz@example.org");
        Guid[] statements = [draft, open.Id];
        string[] slugs = [open.Slug, "no-such-statement"];

        var document = JsonNode.Parse(await owner.GetStringAsync("/openapi/v1.json"))!;
        var operations = Operations(document)
            // Ending a statement ends most of what follows; the authorization matrix tries these.
            .Where(o => !o.Path.EndsWith("/withdraw", StringComparison.Ordinal)
                || !o.Path.StartsWith("/api/statements/", StringComparison.Ordinal))
            .Where(o => !o.Path.EndsWith("/close", StringComparison.Ordinal))
            .ToList();
        Assert.True(operations.Count > 60, $"only {operations.Count} operations in the OpenAPI document");

        var values = new Values(document, statements, slugs);
        var requests =
            from operation in Gen.Int[0, operations.Count - 1].Select(i => operations[i])
            from route in Sequence(operation.Parameters.Select(p => values.Parameter(p.Name, p.Schema)))
            from body in values.Body(operation.Body)
            from anonymousCaller in Gen.Int[0, 6].Select(i => i == 0)
            select new Request(operation, Url(operation, route), body, anonymousCaller);

        var answered = new Dictionary<int, int>();
        await requests.SampleAsync(async request =>
        {
            var before = await FingerprintAsync(factory);
            using var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method), request.Url);
            if (request.Body is not null) message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
            using var response = await (request.Anonymous ? anonymous : owner).SendAsync(message);
            var status = (int)response.StatusCode;
            answered[status] = answered.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"{status} for {request}\n{await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
            {
                var after = await FingerprintAsync(factory);
                var changed = before.Keys.Where(table => before[table] != after.GetValueOrDefault(table)).ToList();
                Assert.True(changed.Count == 0, $"{status} for {request}\nbut these tables changed: {string.Join(", ", changed)}");
            }
        }, iter: Requests, threads: 1, print: r => r.ToString());

        // The fuzzing reached the handlers: successes as well as each kind of refusal.
        Assert.True(answered.Keys.Count(s => s is >= 200 and < 300) > 0 && answered.ContainsKey(400) && answered.ContainsKey(404),
            string.Join(", ", answered.OrderBy(a => a.Key).Select(a => $"{a.Key}×{a.Value}")));
    }

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<T[]> Sequence<T>(IEnumerable<Gen<T>> generators) =>
        generators.Aggregate(Gen.Const(Array.Empty<T>()), (values, next) => Gen.Select(values, next, (a, v) => (T[])[.. a, v]));

    private static IEnumerable<Operation> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) continue;
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = (operation!["parameters"]?.AsArray() ?? [])
                    .Select(p => (p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]))
                    .Where(p => p.Item2 is "path" or "query")
                    .ToList();
                yield return new Operation(method.ToUpperInvariant(), path, parameters,
                    operation["requestBody"]?["content"]?["application/json"]?["schema"]);
            }
        }
    }

    private static string Url(Operation operation, string[] values)
    {
        var url = operation.Path;
        var query = new List<string>();
        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            var (name, place, _) = operation.Parameters[i];
            if (place == "path") url = url.Replace("{" + name + "}", Uri.EscapeDataString(values[i]), StringComparison.Ordinal);
            else if (values[i].Length > 0 || i % 2 == 0) query.Add($"{name}={Uri.EscapeDataString(values[i])}");
        }
        return query.Count == 0 ? url : url + "?" + string.Join('&', query);
    }

    /// <summary>Values for the schemas of the document: right more often than wrong.</summary>
    private sealed class Values(JsonNode document, Guid[] statements, string[] slugs)
    {
        private static readonly string[] Hostile =
        [
            "", " ", "\u0000", "\t\r\n", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "../../../etc/passwd", "%00", "%",
            "{}", "[]", "null", "true", "-1", "0", "2147483648", "99999999999999999999999", "1e309", "NaN", "2026-13-45T25:61:00Z",
            "00000000-0000-0000-0000-000000000000", "OWNER", " Viewer ", "Delete", "es", "ar", "x-klingon", "😀🏳️‍🌈", "مرحبا بالعالم",
            "Ｆｕｌｌｗｉｄｔｈ", "a@b", "@", "=cmd|' /C calc'!A0", "'; DROP TABLE \"Statements\"; --", new string('x', 300),
            new string('y', 70_000),
            string.Concat(Enumerable.Repeat("> ", 200)), "\ud800",
        ];

        private static readonly Gen<string> Text = Gen.Frequency(
            (3, Gen.OneOf(Hostile)),
            (3, Gen.String.AlphaNumeric),
            (2, Gen.String),
            (1, Gen.Char.Array[0, 2000].Select(c => new string(c))));

        private readonly Gen<JsonNode?> _anything = Gen.Recursive<JsonNode?>((depth, inner) => depth > 3
            ? Scalars()
            : Gen.Frequency(
                (6, Scalars()),
                (1, inner.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
                (1, Gen.Select(Text, inner).Array[0, 4].Select(pairs => (JsonNode?)Object(pairs)))));

        private static Gen<JsonNode?> Scalars() => Gen.Frequency(
            (1, Gen.Const((JsonNode?)null)),
            (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
            (2, Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i))),
            (1, Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l))),
            (1, Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : JsonValue.Create(0.5))),
            (3, Text.Select(s => (JsonNode?)JsonValue.Create(s))));

        private static JsonObject Object(IEnumerable<(string Key, JsonNode? Value)> pairs)
        {
            var result = new JsonObject();
            foreach (var (key, value) in pairs) result[key] = value?.DeepClone();
            return result;
        }

        /// <summary>A route or query value. (No NUL: Kestrel refuses such a path with 400 before the service sees it, and the test server
        /// throws.)</summary>
        public Gen<string> Parameter(string name, JsonNode? schema) => ParameterWithNul(name, schema).Select(v => v.Replace('\0', '0'));

        private Gen<string> ParameterWithNul(string name, JsonNode? schema) => Format(schema) switch
        {
            "uuid" when name == "id" => Gen.Frequency((6, Gen.Int[0, statements.Length - 1].Select(i => statements[i].ToString())),
                (1, Gen.Guid.Select(g => g.ToString())), (1, Text)),
            "uuid" => Gen.Frequency((3, Gen.Guid.Select(g => g.ToString())), (1, Text)),
            _ when Types(schema).Contains("integer")
                => Gen.Frequency((4, Gen.Int[-2, 5].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                (1, Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))), (1, Text)),
            _ when name == "slug" => Gen.Frequency((3, Gen.Int[0, slugs.Length - 1].Select(i => slugs[i])), (1, Text)),
            _ => Text,
        };

        /// <summary>A body as JSON text, or none.</summary>
        public Gen<string?> Body(JsonNode? schema) => Gen.Frequency(
            (12, schema is null ? _anything.Select(n => (string?)n?.ToJsonString())
                : ForSchema(schema, 0).Select(n => (string?)(n?.ToJsonString() ?? "null"))),
            (2, _anything.Select(n => (string?)(n?.ToJsonString() ?? "null"))),
            (1, Gen.OneOf<string?>(null, "", "{", "{\"title\":", "[1,2", "{\"a\":1}}", "\"text\"", "{\"title\":\"\\ud800\"}",
                new string('[', 5000))));

        private Gen<JsonNode?> ForSchema(JsonNode schema, int depth)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
                schema = document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!;
            if (depth > 4) return Scalars();
            var types = Types(schema);
            var wellTyped = types switch
            {
                _ when schema["enum"] is JsonArray options => Gen.OneOf(options.Select(o => o?.DeepClone()).ToArray()),
                _ when types.Contains("object") || schema["properties"] is not null => PropertiesOf(schema, depth),
                _ when types.Contains("array") => ForSchema(schema["items"] ?? new JsonObject(), depth + 1).Array[0, 5]
                    .Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray())),
                _ when types.Contains("integer")
                    => Gen.Frequency((4, Gen.Int[-1, 5]), (1, Gen.Int)).Select(i => (JsonNode?)JsonValue.Create(i)),
                _ when types.Contains("number") => Gen.Double[-10, 10].Select(d => (JsonNode?)JsonValue.Create(d)),
                _ when types.Contains("boolean") => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
                _ when Format(schema) == "uuid" => Gen.Frequency((2, Gen.Guid.Select(g => g.ToString())),
                    (1, Gen.Int[0, statements.Length - 1].Select(i => statements[i].ToString())))
                    .Select(s => (JsonNode?)JsonValue.Create(s)),
                _ when Format(schema) == "date-time"
                    => Gen.Int[-400, 400].Select(days => (JsonNode?)JsonValue.Create(DateTimeOffset.UtcNow.AddDays(days).ToString("O"))),
                _ when types.Contains("string") => Text.Select(s => (JsonNode?)JsonValue.Create(s)),
                _ => _anything,
            };
            return Gen.Frequency((5, wellTyped), (1, _anything), (types.Contains("null") ? 1 : 0, Gen.Const((JsonNode?)null)));
        }

        private Gen<JsonNode?> PropertiesOf(JsonNode schema, int depth)
        {
            var properties = (schema["properties"]?.AsObject() ?? []).ToList();
            // Each property present most of the time, plus now and then one the schema does not know.
            var present = properties.Select(p => Gen.Frequency((5, ForSchema(p.Value!, depth + 1).Select(v => (Present: true, Value: v))),
                (1, Gen.Const((Present: false, Value: (JsonNode?)null))))).ToArray();
            return Gen.Select(Sequence(present), Gen.Select(Text, _anything).Array[0, 1], (list, extra) =>
            {
                var result = new JsonObject();
                for (var i = 0; i < properties.Count; i++)
                    if (list[i].Present) result[properties[i].Key] = list[i].Value?.DeepClone();
                foreach (var (key, value) in extra) if (!result.ContainsKey(key)) result[key] = value?.DeepClone();
                return (JsonNode?)result;
            });
        }

        private static string[] Types(JsonNode? schema) => schema?["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };

        private static string? Format(JsonNode? schema) => schema?["format"]?.GetValue<string>();
    }

    /// <summary>
    /// Every row of every table a request writes, hashed per table in a stable order. Left out: what consumers write in
    /// the background (audit log, inbox, outbox, invitations marked sent) and the limits' counters (a failed request
    /// counts towards a limit, a write by design); Identity's tables are counted only.
    /// </summary>
    private static async Task<Dictionary<string, string>> FingerprintAsync(WorkflowApiFactory factory)
        => await factory.InDatabaseAsync(async db =>
    {
        string[] background = ["AuditEntries", "ProcessedMessages", "OutboxMessages", "EndorsementRequests", "LimitCounters"];
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var fingerprint = new Dictionary<string, string>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Except(background)
            .Order())
        {
            var countOnly = table.StartsWith("AspNet", StringComparison.Ordinal);
            await using var command = connection.CreateCommand();
            command.CommandText = countOnly ? $"SELECT COUNT(*) FROM \"{table}\"" : $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join('\u001f', values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes)
                    : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }
            rows.Sort(StringComparer.Ordinal);
            fingerprint[table] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
        }
        return fingerprint;
    });

    private static string Shorten(string? text)
        => text is null ? "(no body)" : text.Length <= 600 ? text : text[..600] + $"… ({text.Length} characters)";
}
