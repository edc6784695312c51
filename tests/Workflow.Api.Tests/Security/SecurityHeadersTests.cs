using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Security;

/// <summary>
/// Every response carries the security headers, whoever answers it and whatever the status: each endpoint of the endpoint
/// list (so a new one is covered without a line here), by each of its methods, anonymously and signed in, plus static
/// files, unknown routes, a body too large and a refused token link.
/// </summary>
public sealed partial class SecurityHeadersTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Every_endpoint_answers_with_the_security_headers_whatever_its_status()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/error", StringComparison.Ordinal))
            .ToList();
        Assert.True(endpoints.Count > 80, $"only {endpoints.Count} endpoints found");
        var anonymous = factory.CreateClient();
        var signedIn = await factory.SignedInClientAsync();
        var statuses = new HashSet<int>();
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            foreach (var client in new[] { anonymous, signedIn })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), SampleUrl(endpoint.RoutePattern.RawText!));
                if (method is not "GET" and not "HEAD" and not "DELETE") request.Content = new StringContent("{}", Encoding.UTF8,
                    "application/json");
                using var response = await client.SendAsync(request);
                statuses.Add((int)response.StatusCode);
                if ((int)response.StatusCode >= 500) failures.Add($"{method} {request.RequestUri}: {(int)response.StatusCode}");
                AssertSecurityHeaders(response, $"{method} {request.RequestUri}");
            }
        }
        // Nothing a client sends gets a server error.
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The walk met successes and refusals alike, not one kind of answer.
        Assert.Contains(200, statuses);
        Assert.Contains(401, statuses);
        Assert.Contains(404, statuses);
        Assert.Contains(400, statuses);
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/no/such/route")]
    [InlineData("/statements/no-such-statement")]
    [InlineData("/error/500")]
    public async Task Static_files_unknown_routes_and_error_pages_carry_them_too(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);
        AssertSecurityHeaders(response, path);
    }

    [Fact]
    public async Task A_body_too_large_is_refused_with_them()
    {
        using var response = await (await factory.SignedInClientAsync()).PostAsync("/api/statements",
            new StringContent(new string('x', 2 * 1024 * 1024), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertSecurityHeaders(response, "POST /api/statements (2 MB)");
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.Single()
            : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues.Single() : null;
        Assert.True(Header("X-Content-Type-Options") == "nosniff", $"{what} ({(int)response.StatusCode}): no nosniff");
        Assert.True(Header("Referrer-Policy") == "same-origin", $"{what} ({(int)response.StatusCode}): no Referrer-Policy");
        Assert.True(Header("Cross-Origin-Opener-Policy") == "same-origin",
            $"{what} ({(int)response.StatusCode}): no Cross-Origin-Opener-Policy");
        var policy = Header("Content-Security-Policy");
        Assert.True(policy is not null && policy.Contains("frame-ancestors", StringComparison.Ordinal)
            && !policy.Contains("unsafe-inline", StringComparison.Ordinal),
            $"{what} ({(int)response.StatusCode}): Content-Security-Policy is '{policy}'");
        // Only the embeddable widget may be framed, and says so.
        if (!policy.Contains("frame-ancestors *", StringComparison.Ordinal))
            Assert.True(Header("X-Frame-Options") == "DENY", $"{what} ({(int)response.StatusCode}): no X-Frame-Options");
    }

    /// <summary>The route with each parameter filled: a fresh GUID, a small number, or a word, as its constraint asks.</summary>
    private static string SampleUrl(string pattern) => RouteParameter().Replace(pattern, m => m.Groups["constraint"].Value switch
    {
        "guid" => Guid.NewGuid().ToString(),
        "int" or "long" => "1",
        _ => "sample",
    }).TrimEnd('/') is { Length: > 0 } url ? url : "/";

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(?::(?<constraint>[a-z]+))?[^}]*\}")]
    private static partial Regex RouteParameter();
}
