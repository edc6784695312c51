using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Common;
using Workflow.Core.Drafting;

namespace Workflow.Api.Pages.Drafts;

/// <summary>Translations, each versioned on its own and marked out of date when the original moves on.</summary>
public sealed class TranslationsModel(IStringLocalizer<Texts> t) : DraftPage
{
    public IReadOnlyList<TranslationSummary> Translations { get; private set; } = [];
    public TranslationDetails? Editing { get; private set; }

    [BindProperty] public string Language { get; set; } = "";
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Body { get; set; } = "";
    [BindProperty] public string? ChangeNote { get; set; }
    [BindProperty] public int? BaseNumber { get; set; }
    [BindProperty] public int TranslatesVersion { get; set; }

    public async Task OnGetAsync(Guid id, string? lang, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (lang is not null && Translations.Any(x => x.Language == lang))
        {
            Editing = await Mediator.Send(new GetTranslation(UserId, id, lang, null), ct);
            (Language, Title, Body, BaseNumber) = (Editing.Language, Editing.Title, Editing.Body, Editing.Number);
        }
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => ChangeAsync($"/drafts/{id}/translations", async () =>
    {
        var saved = await Mediator.Send(new SaveTranslation(UserId, id, Language.Trim(), Title, Body, TranslatesVersion, BaseNumber,
            OptionalText.TrimmedOrNull(ChangeNote)), ct);
        return t["Translation saved ({0}, version {1}).", saved.Language, saved.Number];
    }, () => LoadAsync(id, ct));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        Translations = await Mediator.Send(new ListTranslations(UserId, id), ct);
    }
}
