using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Api.Pages.Shared;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Api.Pages.Drafts;

/// <summary>
/// The initiators: the organisations that initiate the statement, sign first and are listed first, in order. Owners
/// name them from the directory (searched here); every member sees them. Each change sends the whole list as it stands
/// when the change is made, as <see cref="SetInitiators"/> wants it.
/// </summary>
public sealed class InitiatorsModel(IStringLocalizer<Texts> t) : DraftPage
{
    public IReadOnlyList<OrganisationView> Initiators { get; private set; } = [];
    public IReadOnlyList<DirectoryEntry>? Found { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Countries { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }

    /// <summary>Only owners name the initiators, and only until others than them have signed (the use case says when).</summary>
    public bool NamesInitiators => Statement.YourRole == nameof(StatementRole.Owner) && Statement.State is "Draft" or "OpenForSignature";

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostAddAsync(Guid id, Guid organisationId, CancellationToken ct) =>
        Change(id, ids => ids.Contains(organisationId) ? ids : [.. ids, organisationId], ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid organisationId, CancellationToken ct) =>
        Change(id, ids => [.. ids.Where(i => i != organisationId)], ct);

    public Task<IActionResult> OnPostUpAsync(Guid id, Guid organisationId, CancellationToken ct) => Change(id, ids =>
    {
        var list = ids.ToList();
        var at = list.IndexOf(organisationId);
        if (at > 0) (list[at - 1], list[at]) = (list[at], list[at - 1]);
        return list;
    }, ct);

    /// <summary>Sends the list as <paramref name="change"/> leaves it, and comes back to the search that was shown.</summary>
    private Task<IActionResult> Change(Guid id, Func<IReadOnlyList<Guid>, IReadOnlyList<Guid>> change, CancellationToken ct) =>
        ChangeAsync($"/drafts/{id}/initiators" + (string.IsNullOrWhiteSpace(Q) ? ""
            : "?q=" + Uri.EscapeDataString(Q) + "&country=" + Uri.EscapeDataString(Country ?? "")), async () =>
    {
        var current = await Mediator.Send(new GetInitiators(UserId, id), ct);
        var wanted = change([.. current.Select(o => o.Id)]);
        var named = await Mediator.Send(new SetInitiators(UserId, id, [.. wanted.Select(o =>
            new OrganisationDetails("", null, null, null, Id: o))]), ct);
        return named.Count == 0 ? t["The statement has no initiators now."] : t["Initiators: {0}.",
            string.Join(", ", named.Select(o => o.Name))];
    }, () => LoadAsync(id, ct));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        Initiators = await Mediator.Send(new GetInitiators(UserId, id), ct);
        Countries = CountryChoices.InCurrentLanguage();
        if (NamesInitiators && !string.IsNullOrWhiteSpace(Q))
        {
            try
            {
                Found = await Mediator.Send(new SearchOrganisations(UserId, Q.Trim(), OptionalText.TrimmedOrNull(Country)), ct);
            }
            catch (FluentValidation.ValidationException e)
            {
                foreach (var failure in e.Errors) ModelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
    }
}
