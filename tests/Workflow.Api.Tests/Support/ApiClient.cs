using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Endorsements;
using Workflow.Core.Statements;

namespace Workflow.Api.Tests.Support;

/// <summary>Small helpers over HttpClient for the steps most tests take: an account, a statement, an invitation.</summary>
public static class ApiClient
{
    public const string Password = "Correct-horse-9";

    /// <summary>
    /// Registers a new account, confirms its address with the link the service e-mailed (an unconfirmed account may draft
    /// but not invite), and returns a client that sends its bearer token.
    /// </summary>
    /// <param name="register">False for an account made otherwise (on the registration page, say), with the same password.</param>
    /// <param name="confirm">False to leave a new account's address unconfirmed.</param>
    public static async Task<HttpClient> SignedInClientAsync(this WorkflowApiFactory factory, string? email = null, bool register = true,
        bool confirm = true)
    {
        email ??= $"drafter-{Guid.NewGuid():N}@example.org";
        var client = factory.CreateClient();
        if (register)
        {
            (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password })).EnsureSuccessStatusCode();
            if (confirm && MailsLandInThePickupFolder(factory)) await client.ConfirmAddressAsync(factory.MailPickupDirectory, email);
            // The test sends its mail elsewhere (an SMTP server, a broken folder) and is about that mail, not the account.
            else if (confirm) await factory.InDatabaseAsync(async db =>
            {
                await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true));
                return 0;
            });
        }
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// An account registered on a service at another address (a real socket, another process), its address confirmed with
    /// the link found in that service's mail pickup folder, and a client with its token.
    /// </summary>
    public static async Task<HttpClient> SignedInClientAsync(Uri service, string mailPickupDirectory)
    {
        var email = $"drafter-{Guid.NewGuid():N}@example.org";
        var client = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromMinutes(2) };
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password })).EnsureSuccessStatusCode();
        await client.ConfirmAddressAsync(mailPickupDirectory, email);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.JsonAsync()).Str("accessToken"));
        return client;
    }

    private static bool MailsLandInThePickupFolder(WorkflowApiFactory factory)
    {
        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        return string.IsNullOrWhiteSpace(configuration["Email:Smtp:Host"])
            && string.IsNullOrWhiteSpace(configuration["Email:PickupDirectory"]);
    }

    /// <summary>Follows, through the API, the confirmation link of the latest confirmation e-mail to this address.</summary>
    public static async Task ConfirmAddressAsync(this HttpClient client, string mailPickupDirectory, string email)
    {
        var query = await MailLinks.AccountLinkQueryAsync(mailPickupDirectory, email, "/account/confirm-email");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/confirmEmail" + query)).StatusCode);
    }

    /// <summary>Creates a draft in English and returns it as the service answers it.</summary>
    public static async Task<StatementDetails> CreateStatementAsync(this HttpClient client,
        string title = "Solidarity with the people of Peru",
        string body = "We salute the mobilisations.\n\nWe call for solidarity.", bool allowsFurtherSignatories = true)
    {
        var response = await client.PostAsJsonAsync("/api/statements", new { title, body, language = "en", allowsFurtherSignatories });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsAsync<StatementDetails>();
    }

    /// <summary>
    /// Invites an organisation and takes its signing link to hand over (the list then says so): most tests act as the signer too.
    /// A draft's invitations are held until it opens and get their links only then, by e-mail: there, no link is asked for.
    /// </summary>
    public static async Task<InvitationLink> InviteAsync(this HttpClient client, string statementId,
        string name = "Partido Comunista Peruano",
        string? nameEnglish = "Peruvian Communist Party", string? acronym = "PCP", string? country = "PE",
        string email = "contact@example.org")
    {
        var handOverLink = (await client.AnswerAsync<StatementDetails>($"/api/statements/{statementId}")).State != "Draft";
        var response = await client.PostAsJsonAsync($"/api/statements/{statementId}/invitations",
            new { organisation = new { name, nameEnglish, acronym, country }, email, handOverLink });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsAsync<InvitationLink>();
    }

    /// <inheritdoc cref="InviteAsync(HttpClient, string, string, string?, string?, string?, string)"/>
    public static Task<InvitationLink> InviteAsync(this HttpClient client, Guid statementId, string name = "Partido Comunista Peruano",
        string? nameEnglish = "Peruvian Communist Party", string? acronym = "PCP", string? country = "PE",
        string email = "contact@example.org") =>
        client.InviteAsync(statementId.ToString(), name, nameEnglish, acronym, country, email);

    public static async Task<HttpResponseMessage> PostEmptyAsync(this HttpClient client, string url) =>
        await client.PostAsync(url, null);

    public static async Task OpenAsync(this HttpClient client, string statementId) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PostEmptyAsync($"/api/statements/{statementId}/open")).StatusCode);

    public static async Task PublishAsync(this HttpClient client, string statementId) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PostEmptyAsync($"/api/statements/{statementId}/publish")).StatusCode);

    public static Task OpenAsync(this HttpClient client, Guid statementId) => client.OpenAsync(statementId.ToString());

    public static Task PublishAsync(this HttpClient client, Guid statementId) => client.PublishAsync(statementId.ToString());

    public static Task<HttpResponseMessage> SignAsync(this HttpClient client, string token, string signerName = "María Quispe",
        string? signerRole = "Secretary") =>
        client.PostAsJsonAsync($"/api/invitations/{token}/sign", new { signerName, signerRole });

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonArray> JsonArrayAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonArray>())!;

    public static string Str(this JsonNode? node, string property) => node![property]!.GetValue<string>();

    /// <summary>Asserts an RFC 7807 problem with the given status, and returns it.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }

    /// <summary>Asserts a 400 problem whose errors name the field.</summary>
    public static async Task AssertFieldErrorAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field),
            $"Expected an error for '{field}', got: {problem.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
    }
}
