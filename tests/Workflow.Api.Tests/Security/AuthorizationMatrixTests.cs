using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Drafting;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Security;

/// <summary>
/// The authorization matrix, generated from the endpoint list: every API endpoint must have a rule below (a new endpoint
/// without one fails the first test), and every rule is tried by six people — anonymous, the owner of another statement,
/// and a viewer, commenter, editor and owner of this one — with a valid request, so that a refusal can only come from
/// who is asking. Allowed: anything but 401/403 and never a 5xx (a 404 for an id that does not exist, a 409 for the
/// statement's state are answers about the thing, not about the person). Refused: 401 for anonymous, 403 otherwise.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    /// <summary>
    /// Who may call: anybody; anybody, answered 401 when what they prove is wrong (a password, a refresh token, a code);
    /// any account; a role on the statement (members read everything about it).
    /// </summary>
    private enum Access { Public, Credentials, Account, Viewer, Commenter, Editor, Owner }

    private enum Persona { Anonymous, OwnerOfAnother, Viewer, Commenter, Editor, Owner }

    private sealed record Rule(Access Access, Func<Context, HttpRequestMessage> Request);

    /// <summary>What the requests refer to: the statement the personas have roles on, and ids that exist nowhere.</summary>
    private sealed record Context(Guid Id, string Slug, string TextHash)
    {
        public Guid Nothing { get; } = Guid.NewGuid();
    }

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);
    private static HttpRequestMessage Delete(string url) => new(HttpMethod.Delete, url);
    private static HttpRequestMessage Post(string url, object? body = null) => With(HttpMethod.Post, url, body);
    private static HttpRequestMessage Put(string url, object body) => With(HttpMethod.Put, url, body);
    private static HttpRequestMessage With(HttpMethod method, string url, object? body) =>
        new(method, url) { Content = body is null ? null : JsonContent.Create(body) };

    private static readonly object Organisation = new { name = "Frente de Prueba", country = "PE" };
    private const string Token = "no-such-token-0000000000000000000000000000";

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        // Accounts (Identity's endpoints): the outcome depends on the credentials sent, never on who else is signed in.
        ["POST /api/auth/register"] = new(Access.Public,
            _ => Post("/api/auth/register", new { email = $"new-{Guid.NewGuid():N}@example.org", password = ApiClient.Password })),
        ["POST /api/auth/login"] = new(Access.Credentials,
            _ => Post("/api/auth/login", new { email = "nobody@example.org", password = "Wrong-password-1" })),
        ["POST /api/auth/refresh"] = new(Access.Credentials, _ => Post("/api/auth/refresh", new { refreshToken = "not-a-refresh-token" })),
        ["GET /api/auth/confirmEmail"] = new(Access.Credentials, _ => Get("/api/auth/confirmEmail?userId=nobody&code=nothing")),
        ["POST /api/auth/resendConfirmationEmail"] = new(Access.Public,
            _ => Post("/api/auth/resendConfirmationEmail", new { email = "nobody@example.org" })),
        ["POST /api/auth/forgotPassword"] = new(Access.Public, _ => Post("/api/auth/forgotPassword", new { email = "nobody@example.org" })),
        ["POST /api/auth/resetPassword"] = new(Access.Public,
            _ => Post("/api/auth/resetPassword", new { email = "nobody@example.org", resetCode = "x", newPassword = ApiClient.Password })),
        ["POST /api/auth/manage/2fa"] = new(Access.Account, _ => Post("/api/auth/manage/2fa", new { })),
        ["GET /api/auth/manage/info"] = new(Access.Account, _ => Get("/api/auth/manage/info")),
        ["POST /api/auth/manage/info"] = new(Access.Account, _ => Post("/api/auth/manage/info", new { })),
        // Notifications: each person reads and sets only their own.
        ["GET /api/account/notifications"] = new(Access.Account, _ => Get("/api/account/notifications")),
        ["PUT /api/account/notifications"] = new(Access.Account,
            _ => Put("/api/account/notifications", new { delivery = "DailyDigest", language = "es" })),

        // Statements.
        ["GET /api/statements"] = new(Access.Account, _ => Get("/api/statements")),
        ["POST /api/statements"] = new(Access.Account,
            _ => Post("/api/statements", new { title = "Another", body = "Text.", language = "en", allowsFurtherSignatories = true })),
        ["GET /api/statements/{id:guid}"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}")),
        ["PUT /api/statements/{id:guid}/draft"] = new(Access.Editor,
            c => Put($"/api/statements/{c.Id}/draft", new { title = "Matrix", body = "Changed.", baseVersion = 1 })),
        ["GET /api/statements/{id:guid}/versions"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/versions")),
        ["GET /api/statements/{id:guid}/versions/{number:int}"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/versions/1")),
        ["POST /api/statements/{id:guid}/versions/{number:int}/restore"] = new(Access.Editor,
            c => Post($"/api/statements/{c.Id}/versions/1/restore", new { baseVersion = 1 })),
        ["GET /api/statements/{id:guid}/diff"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/diff?from=1&to=1")),
        ["GET /api/statements/{id:guid}/initiators"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/initiators")),
        ["PUT /api/statements/{id:guid}/initiators"] = new(Access.Owner,
            c => Put($"/api/statements/{c.Id}/initiators", new { organisations = Array.Empty<object>() })),
        ["PUT /api/statements/{id:guid}/publication-details"] = new(Access.Owner,
            c => Put($"/api/statements/{c.Id}/publication-details", new { kind = "Joint", issuedBy = "ICOR" })),
        ["POST /api/statements/{id:guid}/open"] = new(Access.Owner, c => Post($"/api/statements/{c.Id}/open")),
        ["POST /api/statements/{id:guid}/publish"] = new(Access.Owner, c => Post($"/api/statements/{c.Id}/publish")),
        ["POST /api/statements/{id:guid}/close"] = new(Access.Owner, c => Post($"/api/statements/{c.Id}/close")),
        ["POST /api/statements/{id:guid}/withdraw"] = new(Access.Owner, c => Post($"/api/statements/{c.Id}/withdraw")),
        // The audit log and the moderation queue are personal data: from editors up (see PersonalDataShownFromEditors).
        ["GET /api/statements/{id:guid}/audit"] = new(Access.Editor, c => Get($"/api/statements/{c.Id}/audit")),

        // Co-drafters.
        ["GET /api/statements/{id:guid}/members"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/members")),
        ["POST /api/statements/{id:guid}/members/invitations"] = new(Access.Owner,
            c => Post($"/api/statements/{c.Id}/members/invitations", new { email = $"x-{Guid.NewGuid():N}@example.org", role = "Viewer" })),
        ["POST /api/statements/{id:guid}/members/invitations/{invitationId:guid}/revoke"] = new(Access.Owner,
            c => Post($"/api/statements/{c.Id}/members/invitations/{c.Nothing}/revoke")),
        ["PUT /api/statements/{id:guid}/members/{memberId}"] = new(Access.Owner,
            c => Put($"/api/statements/{c.Id}/members/nobody", new { role = "Viewer" })),
        ["DELETE /api/statements/{id:guid}/members/{memberId}"] = new(Access.Owner, c => Delete($"/api/statements/{c.Id}/members/nobody")),
        ["GET /api/collaborations/{token}"] = new(Access.Public, _ => Get($"/api/collaborations/{Token}")),
        ["POST /api/collaborations/{token}/accept"] = new(Access.Account, _ => Post($"/api/collaborations/{Token}/accept")),

        // The campaign.
        ["GET /api/statements/{id:guid}/invitations"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/invitations")),
        ["POST /api/statements/{id:guid}/invitations"] = new(Access.Owner, c => Post($"/api/statements/{c.Id}/invitations",
            new { organisation = new { name = $"Org {Guid.NewGuid():N}", country = "PE" }, email = "org@example.org" })),
        ["POST /api/statements/{id:guid}/invitations/bulk"] = new(Access.Owner,
            c => new HttpRequestMessage(HttpMethod.Post, $"/api/statements/{c.Id}/invitations/bulk")
        {
            Content = new StringContent($"name,email\nBulk {Guid.NewGuid():N},bulk@example.org\n", Encoding.UTF8, "text/csv"),
        }),
        ["GET /api/statements/{id:guid}/invitations/{invitationId:guid}"] = new(Access.Viewer,
            c => Get($"/api/statements/{c.Id}/invitations/{c.Nothing}")),
        ["POST /api/statements/{id:guid}/invitations/{invitationId:guid}/resend"] = new(Access.Owner,
            c => Post($"/api/statements/{c.Id}/invitations/{c.Nothing}/resend")),
        ["POST /api/statements/{id:guid}/invitations/{invitationId:guid}/revoke"] = new(Access.Owner,
            c => Post($"/api/statements/{c.Id}/invitations/{c.Nothing}/revoke")),
        ["GET /api/statements/{id:guid}/campaign"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/campaign")),
        ["PUT /api/statements/{id:guid}/deadline"] = new(Access.Owner,
            c => Put($"/api/statements/{c.Id}/deadline", new { deadline = DateTimeOffset.UtcNow.AddDays(30) })),
        ["POST /api/statements/{id:guid}/invitations/remind-pending"] = new(Access.Editor,
            c => Post($"/api/statements/{c.Id}/invitations/remind-pending")),

        // Signing through an invitation: whoever holds the link.
        ["GET /api/invitations/{token}"] = new(Access.Public, _ => Get($"/api/invitations/{Token}")),
        ["POST /api/invitations/{token}/sign"] = new(Access.Public,
            _ => Post($"/api/invitations/{Token}/sign", new { signerName = "María Quispe" })),
        ["POST /api/invitations/{token}/withdraw"] = new(Access.Public, _ => Post($"/api/invitations/{Token}/withdraw", new { })),
        ["POST /api/invitations/{token}/reconfirm"] = new(Access.Public,
            c => Post($"/api/invitations/{Token}/reconfirm", new { textHash = c.TextHash })),
        ["POST /api/invitations/{token}/decline"] = new(Access.Public, _ => Post($"/api/invitations/{Token}/decline", new { })),
        ["GET /api/invitations/{token}/receipt"] = new(Access.Public, _ => Get($"/api/invitations/{Token}/receipt")),

        // Signatures.
        ["GET /api/statements/{id:guid}/signatures"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/signatures")),
        ["GET /api/statements/{id:guid}/signatures/{signatureId:guid}"] = new(Access.Viewer,
            c => Get($"/api/statements/{c.Id}/signatures/{c.Nothing}")),
        ["GET /api/statements/{id:guid}/signatures/{signatureId:guid}/receipt"] = new(Access.Viewer,
            c => Get($"/api/statements/{c.Id}/signatures/{c.Nothing}/receipt")),
        ["POST /api/statements/{id:guid}/signatures"] = new(Access.Owner,
            c => Post($"/api/statements/{c.Id}/signatures", new { organisation = new { name = $"Recorded {Guid.NewGuid():N}" } })),
        ["POST /api/statements/{id:guid}/signatures/{signatureId:guid}/invalidate"] = new(Access.Owner,
            c => Post($"/api/statements/{c.Id}/signatures/{c.Nothing}/invalidate", new { reason = "Duplicate" })),
        ["POST /api/statements/{id:guid}/signatures/{signatureId:guid}/reconfirm"] = new(Access.Owner,
            c => Post($"/api/statements/{c.Id}/signatures/{c.Nothing}/reconfirm", new { textHash = c.TextHash })),
        ["PUT /api/statements/{id:guid}/signatures/{signatureId:guid}/displayed-name"] = new(Access.Owner,
            c => Put($"/api/statements/{c.Id}/signatures/{c.Nothing}/displayed-name", new { name = "Corrected" })),

        // Comments and amendments.
        ["GET /api/statements/{id:guid}/comments"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/comments")),
        ["POST /api/statements/{id:guid}/comments"] = new(Access.Commenter,
            c => Post($"/api/statements/{c.Id}/comments", new { versionNumber = 1, paragraph = 1, body = "Hm." })),
        ["POST /api/statements/{id:guid}/comments/{commentId:guid}/resolve"] = new(Access.Commenter,
            c => Post($"/api/statements/{c.Id}/comments/{c.Nothing}/resolve")),
        ["GET /api/statements/{id:guid}/amendments"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/amendments")),
        ["POST /api/statements/{id:guid}/amendments"] = new(Access.Commenter,
            c => Post($"/api/statements/{c.Id}/amendments", new { baseVersion = 1, kind = "Delete", paragraph = 1 })),
        ["POST /api/statements/{id:guid}/amendments/{amendmentId:guid}/accept"] = new(Access.Editor,
            c => Post($"/api/statements/{c.Id}/amendments/{c.Nothing}/accept")),
        ["POST /api/statements/{id:guid}/amendments/{amendmentId:guid}/reject"] = new(Access.Editor,
            c => Post($"/api/statements/{c.Id}/amendments/{c.Nothing}/reject", new { reason = "No." })),

        // Translations.
        ["GET /api/statements/{id:guid}/translations"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/translations")),
        ["GET /api/statements/{id:guid}/translations/{language}"] = new(Access.Viewer, c => Get($"/api/statements/{c.Id}/translations/es")),
        ["GET /api/statements/{id:guid}/translations/{language}/versions/{number:int}"] = new(Access.Viewer,
            c => Get($"/api/statements/{c.Id}/translations/es/versions/1")),
        ["PUT /api/statements/{id:guid}/translations/{language}"] = new(Access.Editor,
            c => Put($"/api/statements/{c.Id}/translations/fr", new { title = "Matrice", body = "Texte.", translatesVersion = 1 })),

        // The directory: shared by every account.
        ["GET /api/organisations"] = new(Access.Account, _ => Get("/api/organisations?q=frente")),
        ["GET /api/organisations/matches"] = new(Access.Account, _ => Get("/api/organisations/matches?name=Frente&country=PE")),
        ["GET /api/organisations/{id:guid}"] = new(Access.Account, c => Get($"/api/organisations/{c.Nothing}")),
        ["POST /api/organisations"] = new(Access.Account,
            _ => Post("/api/organisations", new { organisation = new { name = $"Directory {Guid.NewGuid():N}", country = "PE" } })),
        // Merging needs a say over every statement that uses either record: for unknown records, an answer about them.
        ["POST /api/organisations/{id:guid}/merge"] = new(Access.Account,
            c => Post($"/api/organisations/{c.Nothing}/merge", new { duplicateId = Guid.NewGuid() })),

        // Open sign-on: the form is public, its moderation the owners'.
        ["GET /api/public/statements/{slug}/sign-on"] = new(Access.Public, c => Get($"/api/public/statements/{c.Slug}/sign-on")),
        ["POST /api/public/statements/{slug}/sign-on"] = new(Access.Public, c => Post($"/api/public/statements/{c.Slug}/sign-on",
            new { organisation = Organisation, email = "signer@example.org", signerName = "Ana", textHash = c.TextHash })),
        ["GET /api/public/sign-ons/{token}"] = new(Access.Public, _ => Get($"/api/public/sign-ons/{Token}")),
        ["GET /api/public/sign-ons/{token}/receipt"] = new(Access.Public, _ => Get($"/api/public/sign-ons/{Token}/receipt")),
        ["POST /api/public/sign-ons/{token}/confirm"] = new(Access.Public, _ => Post($"/api/public/sign-ons/{Token}/confirm")),
        ["POST /api/public/sign-ons/{token}/reconfirm"] = new(Access.Public,
            c => Post($"/api/public/sign-ons/{Token}/reconfirm", new { textHash = c.TextHash })),
        ["POST /api/public/sign-ons/{token}/withdraw"] = new(Access.Public, _ => Post($"/api/public/sign-ons/{Token}/withdraw", new { })),
        ["PUT /api/statements/{id:guid}/open-sign-on"] = new(Access.Owner,
            c => Put($"/api/statements/{c.Id}/open-sign-on", new { enabled = false })),
        ["GET /api/statements/{id:guid}/sign-ons"] = new(Access.Editor, c => Get($"/api/statements/{c.Id}/sign-ons")),
        ["POST /api/statements/{id:guid}/sign-ons/{signOnId:guid}/approve"] = new(Access.Owner,
            c => Post($"/api/statements/{c.Id}/sign-ons/{c.Nothing}/approve")),
        ["POST /api/statements/{id:guid}/sign-ons/{signOnId:guid}/reject"] = new(Access.Owner,
            c => Post($"/api/statements/{c.Id}/sign-ons/{c.Nothing}/reject", new { reason = "No." })),

        // Published lists: for everyone.
        ["GET /api/public/statements"] = new(Access.Public, _ => Get("/api/public/statements")),
        ["GET /api/public/statements/{slug}"] = new(Access.Public, c => Get($"/api/public/statements/{c.Slug}")),
        ["GET /api/public/statements/{slug}/signatories"] = new(Access.Public, c => Get($"/api/public/statements/{c.Slug}/signatories")),
        ["GET /api/public/statements/{slug}/verify"] = new(Access.Public, c => Get($"/api/public/statements/{c.Slug}/verify")),
        ["GET /api/public/statements/{slug}/log/consistency"] = new(Access.Public,
            c => Get($"/api/public/statements/{c.Slug}/log/consistency?first=1&second=2")),
        ["GET /api/public/statements/{slug}/log/inclusion"] = new(Access.Public,
            c => Get($"/api/public/statements/{c.Slug}/log/inclusion?index=0&treeSize=1")),
        ["GET /api/public/statements/{slug}/log/heads"] = new(Access.Public, c => Get($"/api/public/statements/{c.Slug}/log/heads")),
        // The key that signs the tree heads.
        ["GET /api/log/key.pem"] = new(Access.Public, _ => Get("/api/log/key.pem")),
        ["GET /api/log/key"] = new(Access.Public, _ => Get("/api/log/key")),
    };

    private enum PersonalAddress { Invitee, AskedToCoDraft }

    /// <summary>
    /// Who sees what (README "Who sees what"): viewers and commenters read these endpoints with e-mail addresses left out;
    /// editors and owners read the addresses. No answer to a viewer or commenter, from any endpoint, holds one.
    /// </summary>
    private static readonly Dictionary<string, PersonalAddress> PersonalDataShownFromEditors = new()
    {
        ["GET /api/statements/{id:guid}/invitations"] = PersonalAddress.Invitee,
        ["GET /api/statements/{id:guid}/campaign"] = PersonalAddress.Invitee,
        ["GET /api/statements/{id:guid}/members"] = PersonalAddress.AskedToCoDraft,
    };

    [Fact]
    public async Task Every_api_endpoint_has_a_rule_in_the_matrix()
    {
        await using var factory = WorkflowApiFactory.With();
        var missing = ApiEndpoints(factory).Where(e => !Rules.ContainsKey(e)).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a rule in the authorization matrix (add one):\n" + string.Join("\n", missing));
        var stale = Rules.Keys.Except(ApiEndpoints(factory)).ToList();
        Assert.True(stale.Count == 0, "Rules for endpoints that no longer exist:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Each_endpoint_answers_each_person_as_its_rule_says()
    {
        await using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            // The matrix sends unknown tokens on purpose, from one address.
            ["TokenGuessing:FailedLookupsPerWindow"] = "100000",
            ["OpenSignOn:PerClientAddressPerHour"] = "100000",
        });
        var owner = await factory.SignedInClientAsync();
        var statement = await owner.CreateStatementAsync(title: "Matrix", body: "First.\n\nSecond.");
        var id = statement.Id;
        var textHash = (await owner.StatementAsync(id)).LatestVersion.TextHash;
        var ownerOfAnother = await factory.SignedInClientAsync();
        await ownerOfAnother.CreateStatementAsync(title: "Somebody else's");
        var people = new Dictionary<Persona, HttpClient>
        {
            [Persona.Anonymous] = factory.CreateClient(),
            [Persona.OwnerOfAnother] = ownerOfAnother,
            [Persona.Viewer] = (await CoDrafting.AddMemberAsync(factory, owner, id, "Viewer")).Client,
            [Persona.Commenter] = (await CoDrafting.AddMemberAsync(factory, owner, id, "Commenter")).Client,
            [Persona.Editor] = (await CoDrafting.AddMemberAsync(factory, owner, id, "Editor")).Client,
            [Persona.Owner] = owner,
        };
        var context = new Context(id, statement.Slug, textHash);
        // Personal data for the answers to carry, or to leave out: an organisation's address, a would-be co-drafter's.
        var addresses = new Dictionary<PersonalAddress, string>
        {
            [PersonalAddress.Invitee] = $"invitee-{Guid.NewGuid():N}@example.org",
            [PersonalAddress.AskedToCoDraft] = $"asked-{Guid.NewGuid():N}@example.org",
        };
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = "Frente de Datos Personales", country = "PE" },
                email = addresses[PersonalAddress.Invitee] })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync($"/api/statements/{id}/members/invitations",
            new { email = addresses[PersonalAddress.AskedToCoDraft], role = "Editor" })).StatusCode);

        var failures = new List<string>();
        var tried = 0;
        // The statement's lifecycle last, so that a withdrawal does not turn the other answers into 409s.
        foreach (var (endpoint, rule) in Rules.OrderBy(r => r.Key.EndsWith("/withdraw", StringComparison.Ordinal)
            || r.Key.EndsWith("/close", StringComparison.Ordinal)))
        {
            foreach (var (persona, client) in people)
            {
                using var request = rule.Request(context);
                request.Headers.Authorization = client.DefaultRequestHeaders.Authorization;
                using var response = await client.SendAsync(request);
                tried++;
                var status = (int)response.StatusCode;
                var expected = Expected(rule.Access, persona);
                var ok = status < 500 && (expected is null ? status is not (401 or 403)
                    || (status == 401 && rule.Access == Access.Credentials) : status == expected);
                var body = await response.Content.ReadAsStringAsync();
                if (!ok) failures.Add($"{persona,-14} {endpoint}: {status} " +
                    $"(expected {(expected is null ? "allowed" : expected.ToString())}) {Shorten(body)}");
                if (persona is Persona.Viewer or Persona.Commenter && addresses.Values.FirstOrDefault(body.Contains) is { } leaked)
                    failures.Add($"{persona,-14} {endpoint}: shows the personal address {leaked}");
                if (persona is Persona.Editor or Persona.Owner && PersonalDataShownFromEditors.TryGetValue(endpoint, out var shown)
                    && !body.Contains(addresses[shown]))
                    failures.Add($"{persona,-14} {endpoint}: does not show {shown}'s address {addresses[shown]}: {Shorten(body)}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} answers break the matrix:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_page_lets_in_whom_its_rule_says()
    {
        await using var factory = WorkflowApiFactory.With();
        var owner = await factory.SignedInClientAsync();
        var id = (await owner.CreateStatementAsync(title: "Pages matrix")).Id;
        var anonymous = PageBrowser.Open(factory);
        var ownerOfAnother = PageBrowser.Open(factory);
        await (await factory.SignedInClientAsync(await ownerOfAnother.RegisterAsync(), register: false))
            .CreateStatementAsync(title: "Somebody else's");
        var viewer = PageBrowser.Open(factory);
        var viewerEmail = await viewer.RegisterAsync();
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync($"/api/statements/{id}/members/invitations",
            new { email = viewerEmail, role = "Viewer" })).StatusCode);
        var join = await CoDrafting.LinkFromMailAsync(factory, viewerEmail);
        await factory.ConfirmEmailAsync(viewerEmail);
        Assert.Equal(HttpStatusCode.OK,
            (await (await factory.SignedInClientAsync(viewerEmail, register: false)).PostAsync($"{join}/accept", null)).StatusCode);

        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'),
                SignedIn: e.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any() &&
                !e.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any()))
            .Distinct().ToList();
        Assert.Contains(pages, p => p.Pattern == "/drafts/{id:guid}/campaign" && p.SignedIn);
        Assert.Contains(pages, p => p.Pattern == "/sign/{token}" && !p.SignedIn);

        var failures = new List<string>();
        foreach (var (pattern, signedIn) in pages)
        {
            var path = pattern.Replace("{id:guid}", id.ToString()).Replace("{status:int}", "404").Replace("{token}", Token)
                .Replace("{slug}", "no-such-statement").Replace("{act}", "publish");
            var answer = await anonymous.Client.GetAsync(path);
            var status = (int)answer.StatusCode;
            var sentToSignIn = answer.Headers.Location is { } location &&
                (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString)
                    .StartsWith("/account/login?ReturnUrl=", StringComparison.Ordinal);
            if (signedIn)
            {
                // Anonymous people are sent to sign in, and come back.
                if (status != 302 || !sentToSignIn)
                    failures.Add($"anonymous {path}: {status} {answer.Headers.Location}");
            }
            else if (status is 401 or 403 or >= 500 || sentToSignIn)
            {
                failures.Add($"anonymous {path}: {status} {answer.Headers.Location} (a public page)");
            }
            if (!pattern.StartsWith("/drafts/{id:guid}", StringComparison.Ordinal)) continue;
            // A statement's pages: its members in, the owner of another statement not (without learning it exists).
            var theirs = (int)(await ownerOfAnother.Client.GetAsync(path)).StatusCode;
            if (theirs is not (403 or 404)) failures.Add($"owner of another statement {path}: {theirs}");
            var member = (int)(await viewer.Client.GetAsync(path)).StatusCode;
            var forViewers = !OwnersOnlyPages.Contains(pattern);
            if (member != (forViewers ? 200 : 403)) failures.Add($"viewer {path}: {member}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A statement's pages that only its owners may open (the confirmation of an irreversible act); every other one shows its
    /// members what they may see.</summary>
    private static readonly HashSet<string> OwnersOnlyPages = ["/drafts/{id:guid}/confirm/{act}"];

    /// <summary>Null: allowed (any answer about the thing itself); otherwise the refusal's status.</summary>
    private static int? Expected(Access access, Persona persona) => (access, persona) switch
    {
        (Access.Public or Access.Credentials, _) => null,
        (_, Persona.Anonymous) => 401,
        (Access.Account, _) => null,
        (_, Persona.OwnerOfAnother) => 403,
        _ => RoleRank(persona) >= (int)access - (int)Access.Viewer ? null : 403,
    };

    private static int RoleRank(Persona persona) => persona switch
    {
        Persona.Viewer => 0, Persona.Commenter => 1, Persona.Editor => 2, Persona.Owner => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(persona)),
    };

    private static IEnumerable<string> ApiEndpoints(WorkflowApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Distinct();

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
