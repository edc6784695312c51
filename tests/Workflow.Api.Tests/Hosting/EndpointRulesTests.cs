using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Hosting;

public sealed class EndpointRulesTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public void Every_endpoint_states_who_may_call_it()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var unstated = endpoints
            .Where(e => !e.Metadata.OfType<IAuthorizeData>().Any() && !e.Metadata.OfType<IAllowAnonymous>().Any())
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.True(unstated.Count == 0, "Endpoints without an explicit authorization rule: " + string.Join(", ", unstated));
    }

    [Fact]
    public async Task The_openapi_document_is_served_and_lists_the_main_routes()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/statements\"", document);
        Assert.Contains("\"/api/invitations/{token}/sign\"", document);
        Assert.Contains("\"/api/public/statements/{slug}/signatories\"", document);
    }

    [Fact]
    public async Task An_unknown_route_is_404_and_every_response_forbids_content_sniffing()
    {
        var response = await factory.CreateClient().GetAsync("/no/such/route");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
