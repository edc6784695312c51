using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Drafting;
using Workflow.Core.Statements;

namespace Workflow.Api.Pages.Drafts;

/// <summary>Every version with its author and note, restoring an old one as a new version, and a word-level diff between any two.</summary>
public sealed class HistoryModel(IStringLocalizer<Texts> t) : DraftPage
{
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();

    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];
    public int From { get; private set; }
    public int To { get; private set; }
    /// <summary>The diff's HTML is built by TextDiff from encoded text, with only ins/del tags added.</summary>
    public TextDiffView? Diff { get; private set; }

    public async Task OnGetAsync(Guid id, int? from, int? to, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        To = to ?? Statement.LatestVersion.Number;
        From = from ?? Math.Max(1, To - 1);
        if (From != To) Diff = await Mediator.Send(new CompareVersions(UserId, id, From, To), ct);
    }

    public Task<IActionResult> OnPostRestoreAsync(Guid id, int number, int baseVersion, CancellationToken ct) => AttemptAsync(async () =>
    {
        var restored = await Mediator.Send(new RestoreVersion(UserId, id, number, baseVersion, null), ct);
        Notice = t["Version {0} restored as version {1}.", number, restored.Number];
        return Redirect($"/drafts/{id}/history");
    }, () => OnGetAsync(id, null, null, ct));

    public string NameOf(string userId) => _names.TryGetValue(userId, out var name) ? name : t["a former member"];

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        Versions = (await Mediator.Send(new ListVersions(UserId, id), ct)).OrderByDescending(v => v.Number).ToList();
        _names = await MemberNames.OfAsync(Mediator, UserId, id, ct);
    }
}

/// <summary>Members' e-mail addresses by account id, to show who wrote what.</summary>
public static class MemberNames
{
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(MediatR.IMediator mediator, string userId, Guid statementId,
        CancellationToken ct) =>
        (await mediator.Send(new ListMembers(userId, statementId), ct)).Members.ToDictionary(m => m.UserId, m => m.Email ?? m.UserId);
}
