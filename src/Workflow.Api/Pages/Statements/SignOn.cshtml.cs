using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Pages.Shared;
using Workflow.Api.Endorsements;
using Workflow.Core.Common;
using Workflow.Core.Organisations;
using Workflow.Core.Endorsements;

namespace Workflow.Api.Pages.Statements;

/// <summary>The open sign-on form, where drafters allow it: same rules and limits as the API's.</summary>
[SignOnSubmission]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.Overload.SignOn)]
public sealed class SignOnModel : WorkflowPage
{
    public sealed class SignOnInput
    {
        public string Name { get; set; } = "";
        public string? NameEnglish { get; set; }
        public string? Acronym { get; set; }
        public string? Country { get; set; }
        public string? Website { get; set; }
        public string Email { get; set; } = "";
        public string SignerName { get; set; } = "";
        public string? SignerRole { get; set; }
        public string TextHash { get; set; } = "";
    }

    public SignOnForm Form { get; private set; } = null!;
    public IReadOnlyList<TextToRead> Texts { get; private set; } = [];
    public TextToRead Shown { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Countries { get; private set; } = [];
    public bool Sent { get; private set; }

    [BindProperty] public SignOnInput Input { get; set; } = new();

    public async Task OnGetAsync(string slug, string? lang, bool sent, CancellationToken ct)
    {
        Sent = sent;
        await LoadAsync(slug, lang, ct);
    }

    public Task<IActionResult> OnPostAsync(string slug, CancellationToken ct) => AttemptAsync(async () =>
    {
        var organisation = new OrganisationDetails(Input.Name, OptionalText.TrimmedOrNull(Input.NameEnglish),
            OptionalText.TrimmedOrNull(Input.Acronym), OptionalText.TrimmedOrNull(Input.Country),
            OptionalText.TrimmedOrNull(Input.Website));
        await Mediator.Send(new SubmitSignOn(slug, organisation, Input.Email.Trim(), Input.SignerName,
            OptionalText.TrimmedOrNull(Input.SignerRole), Input.TextHash, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), ct);
        return RedirectToPage(new { slug, sent = true });
    }, () => LoadAsync(slug, null, ct));

    private async Task LoadAsync(string slug, string? lang, CancellationToken ct)
    {
        Form = await Mediator.Send(new GetSignOnForm(slug), ct);
        Texts = [new TextToRead(Form.Language, Form.Version.Title, Form.Version.BodyHtml, Form.Version.Number,
            Form.Version.TextHash, false),
            .. Form.Translations.Select(x => new TextToRead(x.Language, x.Title, x.BodyHtml, x.Number, x.TextHash, true))];
        Shown = TextToRead.Choose(Texts, lang ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        Countries = CountryChoices.InCurrentLanguage();
    }
}
