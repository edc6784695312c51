using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Pages;

/// <summary>The campaign page follows the rule of who sees what: invitees' addresses and the moderation queue from editors up.</summary>
public sealed class PersonalDataPageTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task A_viewer_sees_the_invitations_without_addresses_and_no_moderation_queue()
    {
        var owner = PageBrowser.Open(factory);
        var ownerEmail = await owner.RegisterAsync();
        var api = await factory.SignedInClientAsync(ownerEmail, register: false);
        var id = (await api.CreateStatementAsync(title: "Who sees what")).Id;
        var invitee = $"invitee-{Guid.NewGuid():N}@example.org";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = "Frente Privado", country = "PE" }, email = invitee })).StatusCode);

        var viewer = PageBrowser.Open(factory);
        var viewerEmail = await viewer.RegisterAsync();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/statements/{id}/members/invitations",
            new { email = viewerEmail, role = "Viewer" })).StatusCode);
        var join = await Drafting.CoDrafting.LinkFromMailAsync(factory, viewerEmail);
        await factory.ConfirmEmailAsync(viewerEmail);
        Assert.Equal(HttpStatusCode.OK,
            (await (await factory.SignedInClientAsync(viewerEmail, register: false)).PostAsync($"{join}/accept", null)).StatusCode);

        var seenByViewer = WebUtility.HtmlDecode(await viewer.GetHtmlAsync($"/drafts/{id}/campaign"));
        Assert.Contains("Frente Privado", seenByViewer);
        Assert.DoesNotContain(invitee, seenByViewer);
        Assert.Contains("(seen by owners and editors)", seenByViewer);
        Assert.Contains("The entries waiting for a decision are seen by the statement's owners and editors.", seenByViewer);

        var seenByOwner = WebUtility.HtmlDecode(await owner.GetHtmlAsync($"/drafts/{id}/campaign"));
        Assert.Contains(invitee, seenByOwner);
        Assert.DoesNotContain("(seen by owners and editors)", seenByOwner);
    }
}
