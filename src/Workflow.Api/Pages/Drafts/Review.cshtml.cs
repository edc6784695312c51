using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Common;
using Workflow.Core.Drafting;

namespace Workflow.Api.Pages.Drafts;

/// <summary>Comments anchored to paragraphs, with replies and resolution; amendments proposed, accepted or rejected.</summary>
public sealed class ReviewModel(IStringLocalizer<Texts> t) : DraftPage
{
    public sealed record AmendmentInput(string Kind = "Replace", string? Text = null, string? Rationale = null);

    public IReadOnlyList<string> Paragraphs { get; private set; } = [];
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];
    public IReadOnlyList<AmendmentView> Amendments { get; private set; } = [];
    private MemberNames _names = null!;
    public string NameOf(string userId) => _names.NameOf(userId);

    /// <summary>The paragraph chosen in the text (its link) or in the form last sent, which the forms start from.</summary>
    public int? ChosenForComment { get; private set; }
    public int? ChosenForAmendment { get; private set; }
    /// <summary>What was typed into a form the use case refused, shown again.</summary>
    public string? TypedComment { get; private set; }
    public AmendmentInput TypedAmendment { get; private set; } = new();

    public async Task OnGetAsync(Guid id, [FromQuery] int? paragraph, [FromQuery] int? amend, CancellationToken ct)
    {
        ChosenForComment ??= paragraph;
        ChosenForAmendment ??= amend;
        await LoadAsync(id, ct);
    }

    public Task<IActionResult> OnPostCommentAsync(Guid id, int? versionNumber, int? paragraph, Guid? parentId, string? body,
        CancellationToken ct)
    {
        if (parentId is null) (ChosenForComment, TypedComment) = (paragraph, body);
        return Change(id, () => Mediator.Send(parentId is null
            ? new AddComment(UserId, id, versionNumber, paragraph, null, body ?? "")
            : new AddComment(UserId, id, null, null, parentId, body ?? ""), ct), t["Comment added."], ct);
    }

    public Task<IActionResult> OnPostResolveAsync(Guid id, Guid commentId, CancellationToken ct) =>
        Change(id, () => Mediator.Send(new ResolveComment(UserId, id, commentId), ct), t["Comment resolved."], ct);

    public Task<IActionResult> OnPostProposeAsync(Guid id, int baseVersion, AmendmentKind? kind, int paragraph, string? text,
        string? rationale, CancellationToken ct)
    {
        (ChosenForAmendment, TypedAmendment) = (paragraph, new AmendmentInput(kind?.ToString() ?? "Replace", text, rationale));
        return Change(id, () => Mediator.Send(new ProposeAmendment(UserId, id, baseVersion, kind, paragraph,
            OptionalText.TrimmedOrNull(text), OptionalText.TrimmedOrNull(rationale)), ct), t["Amendment proposed."], ct);
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, Guid amendmentId, CancellationToken ct) =>
        Change(id, () => Mediator.Send(new AcceptAmendment(UserId, id, amendmentId), ct),
        t["Amendment accepted: the text has a new version."], ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid amendmentId, string? reason, CancellationToken ct) =>
        Change(id, () => Mediator.Send(new RejectAmendment(UserId, id, amendmentId, OptionalText.TrimmedOrNull(reason)), ct),
        t["Amendment rejected."], ct);

    /// <summary>Its author resolves a comment, and so do editors and owners.</summary>
    public bool MayResolve(CommentView comment) => MayEdit || (MayComment && comment.AuthorId == UserId);

    /// <summary>"3. We demand the release of…": a paragraph as the forms offer it, by its number and its first words.</summary>
    public string Excerpt(int number)
    {
        const int length = 70;
        var text = string.Join(' ', Paragraphs[number - 1].Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        var shown = text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)].TrimEnd() + "…";
        return $"{number}. {shown}";
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        Paragraphs = Core.Drafting.Paragraphs.Of(Statement.LatestVersion.Body);
        Comments = await Mediator.Send(new ListComments(UserId, id, null), ct);
        Amendments = (await Mediator.Send(new ListAmendments(UserId, id), ct)).OrderByDescending(a => a.ProposedAt).ToList();
        _names = await MemberNames.OfAsync(Mediator, t, UserId, id, ct);
    }

    private Task<IActionResult> Change<T>(Guid id, Func<Task<T>> command, string done, CancellationToken ct) =>
        ChangeAsync($"/drafts/{id}/review", async () =>
        {
            await command();
            return done;
        }, () => LoadAsync(id, ct));
}
