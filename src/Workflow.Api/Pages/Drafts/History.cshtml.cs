using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Drafting;
using Workflow.Core.Statements;

namespace Workflow.Api.Pages.Drafts;

/// <summary>Every version with its author and note, restoring an old one as a new version, and a word-level diff between any two.</summary>
public sealed class HistoryModel(IStringLocalizer<Texts> t) : DraftPage
{
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];
    public int From { get; private set; }
    public int To { get; private set; }
    private MemberNames _names = null!;
    public string NameOf(string userId) => _names.NameOf(userId);
    /// <summary>The diff's HTML is built by TextDiff from encoded text, with only ins/del tags added.</summary>
    public TextDiffView? Diff { get; private set; }

    public async Task OnGetAsync(Guid id, int? from, int? to, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        To = to ?? Statement.LatestVersion.Number;
        From = from ?? Math.Max(1, To - 1);
        if (From != To) Diff = await Mediator.Send(new CompareVersions(UserId, id, From, To), ct);
    }

    public Task<IActionResult> OnPostRestoreAsync(Guid id, int number, int baseVersion, CancellationToken ct) =>
        ChangeAsync($"/drafts/{id}/history", async () =>
        {
            var restored = await Mediator.Send(new RestoreVersion(UserId, id, number, baseVersion, null), ct);
            return t["Version {0} restored as version {1}.", number, restored.Number];
        }, () => OnGetAsync(id, null, null, ct));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        Versions = (await Mediator.Send(new ListVersions(UserId, id), ct)).OrderByDescending(v => v.Number).ToList();
        _names = await MemberNames.OfAsync(Mediator, t, UserId, id, ct);
    }
}

/// <summary>
/// Who wrote what, for the history and the review: members by their e-mail addresses; someone who is no longer a member
/// is "a former member".
/// </summary>
public sealed class MemberNames(IReadOnlyDictionary<string, string> names, string formerMember)
{
    public string NameOf(string userId) => names.TryGetValue(userId, out var name) ? name : formerMember;

    public static async Task<MemberNames> OfAsync(MediatR.IMediator mediator, IStringLocalizer<Texts> t, string userId, Guid statementId,
        CancellationToken ct) =>
        new((await mediator.Send(new ListMembers(userId, statementId), ct)).Members.ToDictionary(m => m.UserId, m => m.Email ?? m.UserId),
            t["a former member"]);
}
