using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Security;

/// <summary>
/// Names that are not one line of text: refused wherever a name enters, and harmless in every format and e-mail when
/// one is already stored (from before the rule, or written around it).
/// </summary>
public sealed class HostileNameTests(HostileNameTests.Fixture fixture) : IClassFixture<HostileNameTests.Fixture>
{
    /// <summary>All requests come from one address: the sign-on form's per-address limit must not get in the way.</summary>
    public sealed class Fixture : IDisposable
    {
        public WorkflowApiFactory Factory { get; } = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            ["OpenSignOn:PerClientAddressPerHour"] = "100000",
        });

        public void Dispose() => Factory.Dispose();
    }

    private WorkflowApiFactory Factory => fixture.Factory;

    public static TheoryData<string> NotOneLine => new()
    {
        "Forged\n  2. Party",
        "Forged\r\nBcc: victim@evil.example",
        "Tab\tinside",
        "Next\u0085line",
        "Line\u2028separator",
        "Paragraph\u2029separator",
        "Bell\u0007",
        "Delete\u007F",
        "C1\u009Bcontrol",
        "Right-to-left\u202Eoverride",
        "Isolate\u2066inside\u2069",
        "Zero\u200Bwidth space",
        "Byte\uFEFForder mark",
    };

    [Theory, MemberData(nameof(NotOneLine))]
    public async Task A_name_that_is_not_one_line_of_text_is_refused_naming_the_field_wherever_a_name_enters(string bad)
    {
        var drafter = await Factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Names {Guid.NewGuid():N}");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var token = (await drafter.InviteAsync(id, email: $"{Guid.NewGuid():N}@example.org")).Token!;
        var recorded = await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name = $"Recorded {Guid.NewGuid():N}", country = "PE" } });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var signatureId = (await recorded.JsonAsync()).Str("signatureId");
        var visitor = Factory.CreateClient();

        var entries = new (string Field, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("title", () => drafter.PostAsJsonAsync("/api/statements",
                new { title = bad, body = "Text.", language = "en", allowsFurtherSignatories = true })),
            ("organisation.name", () => drafter.PostAsJsonAsync("/api/organisations", new { organisation = new { name = bad } })),
            ("organisation.nameEnglish",
                () => drafter.PostAsJsonAsync("/api/organisations", new { organisation = new { name = "Fine", nameEnglish = bad } })),
            ("organisation.acronym",
                () => drafter.PostAsJsonAsync("/api/organisations", new { organisation = new { name = "Fine", acronym = bad } })),
            ("organisation.name", () => drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
                new { organisation = new { name = bad }, email = "x@example.org" })),
            ("organisation.nameEnglish", () => drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
                new { organisation = new { name = "Fine", nameEnglish = bad }, email = "x@example.org" })),
            ("organisation.acronym", () => drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
                new { organisation = new { name = "Fine", acronym = bad }, email = "x@example.org" })),
            ("organisations[0].name",
                () => drafter.PutAsJsonAsync($"/api/statements/{id}/initiators", new { organisations = new[] { new { name = bad } } })),
            ("organisation.name",
                () => drafter.PostAsJsonAsync($"/api/statements/{id}/signatures", new { organisation = new { name = bad } })),
            ("signerName", () => drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
                new { organisation = new { name = "Fine" }, signerName = bad })),
            ("signerRole", () => drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
                new { organisation = new { name = "Fine" }, signerRole = bad })),
            ("name", () => drafter.PutAsJsonAsync($"/api/statements/{id}/signatures/{signatureId}/displayed-name", new { name = bad })),
            ("nameEnglish", () => drafter.PutAsJsonAsync($"/api/statements/{id}/signatures/{signatureId}/displayed-name",
                new { name = "Fine", nameEnglish = bad })),
            ("acronym", () => drafter.PutAsJsonAsync($"/api/statements/{id}/signatures/{signatureId}/displayed-name",
                new { name = "Fine", acronym = bad })),
            ("signerName", () => visitor.PostAsJsonAsync($"/api/invitations/{token}/sign", new { signerName = bad })),
            ("signerRole", () => visitor.PostAsJsonAsync($"/api/invitations/{token}/sign", new { signerName = "Ana", signerRole = bad })),
            ("nameAs.name", () => visitor.PostAsJsonAsync($"/api/invitations/{token}/sign",
                new { signerName = "Ana", nameAs = new { name = bad } })),
            ("nameAs.nameEnglish", () => visitor.PostAsJsonAsync($"/api/invitations/{token}/sign",
                new { signerName = "Ana", nameAs = new { name = "Fine", nameEnglish = bad } })),
            ("nameAs.acronym", () => visitor.PostAsJsonAsync($"/api/invitations/{token}/sign",
                new { signerName = "Ana", nameAs = new { name = "Fine", acronym = bad } })),
        };
        foreach (var (field, send) in entries) await (await send()).AssertFieldErrorAsync(field);

        // A file of invitations: each bad row is rejected with its line and the field, and none is invited.
        var csv = "name,nameEnglish,acronym,email\n" +
                  $"{Quoted(bad)},,,a@example.org\n" +
                  $"Fine one,{Quoted(bad)},,b@example.org\n" +
                  $"Fine two,,{Quoted(bad)},c@example.org\n";
        var report = await (await drafter.PostAsync($"/api/statements/{id}/invitations/bulk",
            new StringContent(csv, Encoding.UTF8, "text/csv"))).JsonAsync();
        var rows = report["rows"]!.AsArray();
        Assert.Equal(["Rejected", "Rejected", "Rejected"], rows.Select(r => r.Str("outcome")));
        Assert.Equal(["organisation.name", "organisation.nameEnglish", "organisation.acronym"],
            rows.Select(r => r!["errors"]!.AsObject().Single().Key));
        Assert.All(rows, r => Assert.True(r!["row"]!.GetValue<int>() >= 2));
        Assert.Equal(3, rows.Select(r => r!["row"]!.GetValue<int>()).Distinct().Count());

        // The public sign-on form.
        await drafter.PublishAsync(id);
        await drafter.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = true });
        var slug = statement.Slug;
        var hash = (await (await visitor.GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync())["version"].Str("textHash");
        foreach (var (field, body) in new (string, object)[]
                 {
                     ("organisation.name",
                         new { organisation = new { name = bad }, email = "s@example.org", signerName = "Ana", textHash = hash }),
                     ("organisation.nameEnglish", new { organisation = new { name = "Fine", nameEnglish = bad }, email = "s@example.org",
                         signerName = "Ana", textHash = hash }),
                     ("organisation.acronym", new { organisation = new { name = "Fine", acronym = bad }, email = "s@example.org",
                         signerName = "Ana", textHash = hash }),
                     ("signerName", new { organisation = new { name = "Fine" }, email = "s@example.org", signerName = bad,
                         textHash = hash }),
                     ("signerRole", new { organisation = new { name = "Fine" }, email = "s@example.org", signerName = "Ana",
                         signerRole = bad, textHash = hash }),
                 })
            await (await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on", body)).AssertFieldErrorAsync(field);
        Assert.Equal(0, await Factory.InDatabaseAsync(db => db.SignOnEntries.CountAsync(e => e.StatementId == id)));
    }

    [Fact]
    public async Task The_pages_refuse_a_name_that_is_not_one_line_on_the_form_and_store_nothing()
    {
        var drafter = await Factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Page names {Guid.NewGuid():N}");
        var id = statement.Id;
        var slug = statement.Slug;
        await drafter.OpenAsync(id);
        var token = (await drafter.InviteAsync(id, email: $"{Guid.NewGuid():N}@example.org")).Token!;
        await drafter.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = true });
        await drafter.PublishAsync(id);
        var hash = (await (await Factory.CreateClient().GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync())["version"]
            .Str("textHash");

        var email = await PageBrowser.Open(Factory).RegisterAsync();
        var owner = PageBrowser.Open(Factory);
        await owner.SubmitAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password });
        var mine = (await (await Factory.SignedInClientAsync(email, register: false))
            .CreateStatementAsync(title: $"Mine {Guid.NewGuid():N}")).Id;

        var answers = new List<(string What, HttpResponseMessage Response)>
        {
            ("sign-on", await PageBrowser.Open(Factory).SubmitAsync($"/statements/{slug}/sign-on", new Dictionary<string, string>
                { ["Input.Name"] = "Frente\n  2. Forged", ["Input.Email"] = "page@example.org", ["Input.SignerName"] = "Ana",
                    ["Input.TextHash"] = hash })),
            ("signing", await PageBrowser.Open(Factory).SubmitAsync($"/sign/{token}", new Dictionary<string, string>
                { ["Sign.SignerName"] = "Ana\u202Eevil", ["Sign.TextHash"] = hash }, handler: "Sign")),
            ("signing under another name", await PageBrowser.Open(Factory).SubmitAsync($"/sign/{token}", new Dictionary<string, string>
                { ["Sign.SignerName"] = "Ana", ["Sign.OrganisationName"] = "Partido\r\nForged", ["Sign.TextHash"] = hash },
                handler: "Sign")),
            ("invitation", await owner.SubmitAsync($"/drafts/{mine}/campaign", new Dictionary<string, string>
                { ["Invite.Name"] = "Frente\u2028Forged", ["Invite.Email"] = "invited@example.org" }, handler: "Invite")),
        };
        foreach (var (what, response) in answers)
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
            Assert.Contains("must be one line of text", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await Factory.InDatabaseAsync(db => db.SignOnEntries.CountAsync(e => e.StatementId == id)));
        Assert.Equal(0, await Factory.InDatabaseAsync(db => db.Signatures.CountAsync(x => x.StatementId == id)));
        Assert.Equal(0, await Factory.InDatabaseAsync(db => db.Invitations.CountAsync(r => r.StatementId == mine)));
    }

    [Fact]
    public async Task Scripts_that_need_joiners_keep_them_in_a_name()
    {
        var drafter = await Factory.SignedInClientAsync();
        // Persian needs the zero-width non-joiner, Devanagari conjuncts the zero-width joiner.
        foreach (var (name, country) in new[] { ($"حزب می\u200Cخواهیم {Guid.NewGuid():N}", "IR"),
            ($"क्\u200Dष पार्टी {Guid.NewGuid():N}", "IN") })
        {
            var added = await drafter.PostAsJsonAsync("/api/organisations", new { organisation = new { name, country } });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            Assert.Equal(name, (await added.JsonAsync()).Str("name"));
        }
    }

    [Fact]
    public async Task A_sign_on_whose_stored_name_is_not_one_line_cannot_be_approved_onto_the_list()
    {
        var drafter = await Factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Sign-ons {Guid.NewGuid():N}");
        var id = statement.Id;
        var slug = statement.Slug;
        await drafter.OpenAsync(id);
        Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name = $"First {Guid.NewGuid():N}" } })).StatusCode);
        await drafter.PublishAsync(id);
        await drafter.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = true });
        var visitor = Factory.CreateClient();
        var hash = (await (await visitor.GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync())["version"].Str("textHash");
        var email = $"{Guid.NewGuid():N}@example.org";
        var submitted = await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on",
            new { organisation = new { name = $"Late {Guid.NewGuid():N}" }, email, signerName = "Ana", textHash = hash });
        var entryId = Guid.Parse((await submitted.JsonAsync()).Str("id"));
        var link = await Factory.ApiLinkFromMailAsync(email, "/sign-on", "/api/public/sign-ons");
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostAsync($"{link}/confirm", null)).StatusCode);
        await Factory.InDatabaseAsync(db => db.SignOnEntries.Where(e => e.Id == entryId)
            .ExecuteUpdateAsync(x => x.SetProperty(e => e.Name, "Late\n  2. Forged Party")));

        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/sign-ons/{entryId}/approve", new { }))
            .AssertFieldErrorAsync("organisation.name");

        Assert.Equal(1, await Factory.InDatabaseAsync(db => db.Signatures.CountAsync(x => x.StatementId == id)));
        Assert.Equal(HttpStatusCode.OK, (await drafter.PostAsJsonAsync($"/api/statements/{id}/sign-ons/{entryId}/reject",
            new { reason = "Sign on again, please." })).StatusCode);
    }

    [Fact]
    public async Task A_name_stored_before_the_rule_forges_no_line_and_breaks_no_format()
    {
        const string forgedName =
            "Target Party\n\n  3. Forged Party, Peru\r\n4. Forged\u2028Again\u0085\u000B\u000C\u0007\u001B\u202E\uFFFF";
        var drafter = await Factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Stored names {Guid.NewGuid():N}");
        var id = statement.Id;
        var slug = statement.Slug;
        await drafter.OpenAsync(id);
        var honest = await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name = $"Honest Party {Guid.NewGuid():N}", country = "PE" } });
        Assert.Equal(HttpStatusCode.Created, honest.StatusCode);
        var target = await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name = $"Target {Guid.NewGuid():N}", country = "BO" } });
        var targetId = Guid.Parse((await target.JsonAsync()).Str("signatureId"));
        // Written around the validators, as a name from before the rule would be.
        await Factory.InDatabaseAsync(db => db.Signatures.Where(s => s.Id == targetId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.DisplayName, forgedName)
            .SetProperty(x => x.DisplayNameEnglish, "English\n5. Forged English")
            .SetProperty(x => x.DisplayAcronym, "TP\u0007\n6.")));
        await drafter.PublishAsync(id);
        var client = Factory.CreateClient();

        async Task<string> Fetch(string url)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            return await response.Content.ReadAsStringAsync();
        }

        foreach (var order in new[] { "Signing", "Alphabetical", "Country" })
        {
            foreach (var format in new[] { "txt", "md" })
            {
                var text = await Fetch($"/statements/{slug}/signatories.{format}?order={order}");
                var lines = text.Split(['\n', '\r', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C']);
                // Whatever the stored name holds stays on the line of the one signatory it belongs to.
                Assert.All(lines.Where(l => l.Contains("Forged", StringComparison.Ordinal)), l => Assert.Contains("Target Party", l));
                Assert.Single(lines, l => l.Contains("Forged", StringComparison.Ordinal));
                Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
            }
        }

        var csv = await Fetch($"/statements/{slug}/signatories.csv");
        using (var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture))
            Assert.Equal(2, reader.GetRecords<dynamic>().Count());

        var feed = XDocument.Parse(await Fetch($"/statements/{slug}/feed.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Equal(2, titles.Count);
        Assert.All(titles, t => Assert.DoesNotContain(t, c => char.IsControl(c) || c is '\u2028' or '\u2029'));

        foreach (var url in new[] { $"/statements/{slug}/print", $"/statements/{slug}/widget", $"/statements/{slug}",
            $"/statements/{slug}/signatories.json",
                     $"/api/public/statements/{slug}/signatories" })
            await Fetch(url);
    }

    [Fact]
    public async Task A_stored_name_or_title_with_line_breaks_adds_no_header_and_no_line_of_its_own_to_an_email()
    {
        var drafter = await Factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: $"Mail {Guid.NewGuid():N}")).Id;
        await drafter.OpenAsync(id);
        var email = $"{Guid.NewGuid():N}@example.org";
        var invitation = await drafter.InviteAsync(id, $"Mail party {Guid.NewGuid():N}", null, null, "PE", email);
        var invitationId = invitation.InvitationId;
        await Factory.InDatabaseAsync(db => db.Invitations.Where(r => r.Id == invitationId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.InvitedName, "Mail party\r\nBcc: victim@evil.example\r\n\r\nForged line")));
        await Factory.InDatabaseAsync(db => db.Statements.Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Title, "Title\r\nBcc: other@evil.example\nX-Forged: yes")));

        var resent = await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations/{invitationId}/resend",
            new { handOverLink = true })).JsonAsync();
        var mail = await Eventually.ReturnsAsync(
            async () => (await Factory.MailsAsync()).FirstOrDefault(m => (m.TextBody ?? "").Contains(resent.Str("token"))),
            m => m is not null, "the new link was sent");

        Assert.Empty(mail!.Bcc);
        Assert.DoesNotContain(mail.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase)
            || h.Field.StartsWith("X-Forged", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(email, mail.To.Mailboxes.Single().Address);
        Assert.DoesNotContain(mail.Subject ?? "", c => c is '\r' or '\n');
        var lines = mail.TextBody!.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.DoesNotContain(lines, l => l.StartsWith("Bcc:", StringComparison.Ordinal)
            || l.StartsWith("X-Forged", StringComparison.Ordinal) || l == "Forged line");
        Assert.Contains(lines,
            l => l.Contains("Mail party", StringComparison.Ordinal) && l.Contains("Forged line", StringComparison.Ordinal));
    }

    private static string Quoted(string value) => $"\"{value.Replace("\"", "\"\"")}\"";
}
