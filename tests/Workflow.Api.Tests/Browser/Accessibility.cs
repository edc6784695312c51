using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Workflow.Api.Tests.Browser;

/// <summary>Runs axe-core in a page, through Deque.AxeCore.Playwright (a NuGet package: the suite needs no npm).</summary>
public static class Accessibility
{
    /// <summary>Fails, listing each one, if axe finds any violation of serious or critical impact.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        // axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy (script-src 'self') does not restrict.
        var violations = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (violations.Count == 0) return;

        var message = new StringBuilder($"axe-core found {violations.Count} serious or critical accessibility violation(s) on {page.Url}:");
        foreach (var v in violations)
        {
            message.Append($"\n- {v.Id} ({v.Impact}): {v.Help}");
            foreach (var node in v.Nodes)
                message.Append($"\n    at {string.Join(" >>> ", node.Target.ToString())}");
        }
        Assert.Fail(message.ToString());
    }
}
