using Workflow.Proof;

// workflow-verify --list proof.json --key key.pem [--head saved-head.json] [--receipt receipt.json]
// Checks a signatory list export against the log's public key without trusting the server that made it.
// Exit code: 0 every check holds, 1 a check fails, 2 the input cannot be used.

const string usage = """
    Usage: workflow-verify --list <proof.json | https://…/proof.json> --key <key.pem>
                           [--head <saved-head.json>] [--receipt <receipt.json>]

      --list     the list export with its proof (GET /statements/<slug>/proof.json)
      --key      the log's public key (PEM). Take it from somewhere other than the server
                 you are checking; a key from the same server only proves what that server says.
      --head     a tree head you saved earlier: proves nothing was rewritten since
      --receipt  a signature's receipt: proves its entry is still in the log, unchanged
    """;

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--help" or "-h")
    {
        Console.WriteLine(usage);
        return 0;
    }
    if (args[i] is not ("--list" or "--key" or "--head" or "--receipt") || i + 1 >= args.Length || options.ContainsKey(args[i]))
    {
        Console.Error.WriteLine($"Unexpected argument: {args[i]}\n\n{usage}");
        return 2;
    }
    options[args[i]] = args[++i];
}
if (!options.ContainsKey("--list") || !options.ContainsKey("--key"))
{
    Console.Error.WriteLine(usage);
    return 2;
}

string bundle, key;
string? head = null, receipt = null;
try
{
    bundle = await Read(options["--list"]);
    key = await Read(options["--key"]);
    if (options.TryGetValue("--head", out var headPath))
        head = await Read(headPath);
    if (options.TryGetValue("--receipt", out var receiptPath))
        receipt = await Read(receiptPath);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException)
{
    Console.Error.WriteLine($"Cannot read the input: {e.Message}");
    return 2;
}

var report = ListProofVerifier.Verify(bundle, key, head, receipt);
if (report.UnusableInput is { } why)
{
    Console.Error.WriteLine(why);
    return report.ExitCode;
}
foreach (var check in report.Checks)
{
    var outcome = check.Outcome switch
    {
        CheckOutcome.Holds => "holds",
        CheckOutcome.Fails => "FAILS",
        _ => "not checked",
    };
    Console.WriteLine($"{outcome}: {check.Number}. {check.What}. {check.Detail}");
}
Console.WriteLine(report.AllHold
    ? "Verdict: the list is proven by the log signed with this key."
    : $"Verdict: NOT PROVEN: check {string.Join(", ", report.Checks.Where(c => c.Outcome == CheckOutcome.Fails).Select(c => c.Number))} " +
        "failed.");
return report.ExitCode;

static async Task<string> Read(string source)
{
    if (source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        return await http.GetStringAsync(new Uri(source));
    }
    return await File.ReadAllTextAsync(source);
}
