using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Workflow.Api.Tests.Browser;

/// <summary>Runs axe-core (from the npm package pinned in tests/Workflow.Api.Tests/package.json) in a page.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.TestProject, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
            throw new InvalidOperationException($"axe-core is missing ({path}): run `npm ci` in tests/Workflow.Api.Tests.");
        return File.ReadAllText(path);
    });

    // Each violation with the selectors of the elements it was found on (a target is an array: one selector per frame or shadow root).
    private const string RunAxe = """
        async () => {
            const results = await axe.run(document, { resultTypes: ['violations'] });
            return results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                targets: v.nodes.map(n => n.target.flat().join(' >>> ')),
            }));
        }
        """;

    /// <summary>Fails, listing each one, if axe finds any violation of serious or critical impact.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, which a page's Content-Security-Policy (script-src 'self') does not restrict,
        // unlike a <script> tag added to the page.
        await page.EvaluateAsync(AxeSource.Value);
        var violations = (await page.EvaluateAsync<JsonElement>(RunAxe)).EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .ToList();
        if (violations.Count == 0) return;

        var message = new StringBuilder($"axe-core found {violations.Count} serious or critical accessibility violation(s) on {page.Url}:");
        foreach (var v in violations)
        {
            message.Append($"\n- {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}");
            foreach (var target in v.GetProperty("targets").EnumerateArray())
                message.Append($"\n    at {target.GetString()}");
        }
        Assert.Fail(message.ToString());
    }
}
