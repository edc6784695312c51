using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Review;

namespace Workflow.Api.Pages.Drafts;

/// <summary>Comments anchored to paragraphs, with replies and resolution; amendments proposed, accepted or rejected.</summary>
public sealed class ReviewModel(IStringLocalizer<Texts> t) : DraftPage
{
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();

    public IReadOnlyList<string> Paragraphs { get; private set; } = [];
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];
    public IReadOnlyList<AmendmentView> Amendments { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        Paragraphs = Core.Review.Paragraphs.Of(Statement.LatestVersion.Body);
        Comments = await Mediator.Send(new ListComments(UserId, id, null), ct);
        Amendments = (await Mediator.Send(new ListAmendments(UserId, id), ct)).OrderByDescending(a => a.ProposedAt).ToList();
        _names = await MemberNames.OfAsync(Mediator, UserId, id, ct);
    }

    public Task<IActionResult> OnPostCommentAsync(Guid id, int? versionNumber, int? paragraph, Guid? parentId, string? body, CancellationToken ct) =>
        Change(id, () => Mediator.Send(parentId is null
            ? new AddComment(UserId, id, versionNumber, paragraph, null, body ?? "")
            : new AddComment(UserId, id, null, null, parentId, body ?? ""), ct), t["Comment added."], ct);

    public Task<IActionResult> OnPostResolveAsync(Guid id, Guid commentId, CancellationToken ct) =>
        Change(id, () => Mediator.Send(new ResolveComment(UserId, id, commentId), ct), t["Comment resolved."], ct);

    public Task<IActionResult> OnPostProposeAsync(Guid id, int baseVersion, AmendmentKind? kind, int paragraph, string? text, string? rationale, CancellationToken ct) =>
        Change(id, () => Mediator.Send(new ProposeAmendment(UserId, id, baseVersion, kind, paragraph, Blank(text), Blank(rationale)), ct), t["Amendment proposed."], ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, Guid amendmentId, CancellationToken ct) =>
        Change(id, () => Mediator.Send(new AcceptAmendment(UserId, id, amendmentId), ct), t["Amendment accepted: the text has a new version."], ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid amendmentId, string? reason, CancellationToken ct) =>
        Change(id, () => Mediator.Send(new RejectAmendment(UserId, id, amendmentId, Blank(reason)), ct), t["Amendment rejected."], ct);

    public string NameOf(string userId) => _names.TryGetValue(userId, out var name) ? name : t["a former member"];

    private Task<IActionResult> Change<T>(Guid id, Func<Task<T>> command, string done, CancellationToken ct) => AttemptAsync(async () =>
    {
        await command();
        Notice = done;
        return Redirect($"/drafts/{id}/review");
    }, () => OnGetAsync(id, ct));
}
