using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Workflow.Api.Endorsements;
using Workflow.Core.Endorsements;
using Workflow.Core.Publishing;
using Workflow.Core.Statements;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// The service's answers read as the service's own types (<see cref="StatementDetails"/>, <see cref="InvitationLink"/>,
/// <see cref="SignatureReceipt"/>…), with the JSON options it writes them with: the web defaults and enums by name
/// (<c>ServiceRegistration</c>'s <see cref="JsonStringEnumConverter"/>). Tests about the wire shape itself read the JSON by name.
/// </summary>
public static class Answers
{
    /// <summary>The options the service writes its answers with.</summary>
    public static readonly JsonSerializerOptions Options =
        new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The answer's body as a <typeparamref name="T"/> (whatever its status: assert that first where it matters).</summary>
    public static async Task<T> ReadAsAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Options))
        ?? throw new InvalidOperationException($"The answer was JSON null, not a {typeof(T).Name}.");

    /// <summary>GETs the address and reads its answer as a <typeparamref name="T"/>.</summary>
    public static async Task<T> AnswerAsync<T>(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ReadAsAsync<T>();

    /// <summary>The receipt a signature answers with (signing by invitation, recording one on paper, signing on).</summary>
    public static Task<SignatureReceipt> ReceiptAsync(this HttpResponseMessage response) => response.ReadAsAsync<SignatureReceipt>();

    /// <summary>The drafters' view of a statement: <c>GET /api/statements/{id}</c>.</summary>
    public static Task<StatementDetails> StatementAsync(this HttpClient client, Guid statementId) =>
        client.AnswerAsync<StatementDetails>($"/api/statements/{statementId}");

    /// <summary>A statement's invitations as its drafters see them: <c>GET /api/statements/{id}/invitations</c>.</summary>
    public static Task<IReadOnlyList<InvitationSummary>> InvitationsAsync(this HttpClient client, Guid statementId) =>
        client.AnswerAsync<IReadOnlyList<InvitationSummary>>($"/api/statements/{statementId}/invitations");

    /// <summary>A statement's signatures, every one its drafters keep: <c>GET /api/statements/{id}/signatures</c>.</summary>
    public static Task<IReadOnlyList<SignatureRecord>> SignaturesAsync(this HttpClient client, Guid statementId) =>
        client.AnswerAsync<IReadOnlyList<SignatureRecord>>($"/api/statements/{statementId}/signatures");

    /// <summary>What the invited organisation sees behind its link: <c>GET /api/invitations/{token}</c> (which marks it opened).</summary>
    public static Task<InvitationView> InvitationAsync(this HttpClient client, string token) =>
        client.AnswerAsync<InvitationView>($"/api/invitations/{token}");

    /// <summary>A published statement's list of signatories: <c>GET /api/public/statements/{slug}/signatories</c>.</summary>
    public static Task<SignatoryList> SignatoriesAsync(this HttpClient client, string slug) =>
        client.AnswerAsync<SignatoryList>($"/api/public/statements/{slug}/signatories");

    /// <summary>The published and closed statements, newest first: <c>GET /api/public/statements</c>.</summary>
    public static Task<IReadOnlyList<PublishedStatementSummary>> PublishedStatementsAsync(this HttpClient client) =>
        client.AnswerAsync<IReadOnlyList<PublishedStatementSummary>>("/api/public/statements");

    /// <summary>A published statement as the public sees it: <c>GET /api/public/statements/{slug}</c>.</summary>
    public static Task<PublishedStatement> PublishedStatementAsync(this HttpClient client, string slug) =>
        client.AnswerAsync<PublishedStatement>($"/api/public/statements/{slug}");
}
