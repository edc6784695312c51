using CsCheck;
using Workflow.Core.Common;
using Workflow.Core.Drafting;

namespace Workflow.Core.Tests.Drafting;

public sealed class AmendmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Statement = Guid.NewGuid();
    private static readonly string[] Base = ["We salute the strike.", "Workers of all lands, unite.", "Long live solidarity."];

    private static Amendment Propose(AmendmentKind kind, int paragraph, string? text = "New paragraph.", string? rationale = null,
        IReadOnlyList<string>? paragraphs = null) =>
        Amendment.Propose(Statement, 3, paragraphs ?? Base, kind, paragraph, text, rationale, "proposer", Now);

    [Fact]
    public void A_proposal_remembers_the_paragraph_as_it_read_and_raises_AmendmentProposed()
    {
        var amendment = Propose(AmendmentKind.Replace, 2, "  Workers of the world, unite.  ", "  Closer to the original.  ");

        Assert.Equal(AmendmentState.Proposed, amendment.State);
        Assert.Equal("Workers of all lands, unite.", amendment.OriginalText);
        Assert.Equal("Workers of the world, unite.", amendment.Text);
        Assert.Equal("Closer to the original.", amendment.Rationale);
        Assert.Equal((3, 2, "proposer", Now), (amendment.BaseVersionNumber, amendment.Paragraph, amendment.ProposedBy,
            amendment.ProposedAt));
        var proposed = Assert.IsType<DraftingEvents.AmendmentProposed>(Assert.Single(amendment.PendingEvents));
        Assert.Equal((Statement, amendment.Id, 3, AmendmentKind.Replace, 2),
            (proposed.StatementId, proposed.AmendmentId, proposed.BaseVersionNumber, proposed.Kind, proposed.Paragraph));
    }

    [Fact]
    public void A_blank_rationale_is_kept_as_none()
    {
        Assert.Null(Propose(AmendmentKind.Replace, 1, rationale: "   ").Rationale);
    }

    [Theory]
    [InlineData(AmendmentKind.Replace, 0)]
    [InlineData(AmendmentKind.Replace, 4)]
    [InlineData(AmendmentKind.Delete, 0)]
    [InlineData(AmendmentKind.Delete, 4)]
    [InlineData(AmendmentKind.Insert, -1)]
    [InlineData(AmendmentKind.Insert, 4)]
    public void A_paragraph_the_base_version_does_not_have_is_refused(AmendmentKind kind, int paragraph)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Propose(kind, paragraph));
        Assert.Equal("paragraph", refused.Field);
    }

    [Theory]
    [InlineData(AmendmentKind.Replace, 1)]
    [InlineData(AmendmentKind.Replace, 3)]
    [InlineData(AmendmentKind.Delete, 3)]
    [InlineData(AmendmentKind.Insert, 0)]
    [InlineData(AmendmentKind.Insert, 3)]
    public void Every_paragraph_of_the_base_version_may_be_addressed_and_an_insertion_also_at_the_start(AmendmentKind kind,
        int paragraph) =>
        Assert.Equal(paragraph, Propose(kind, paragraph).Paragraph);

    [Theory]
    [InlineData(AmendmentKind.Replace, null)]
    [InlineData(AmendmentKind.Replace, "  \n ")]
    [InlineData(AmendmentKind.Insert, "")]
    public void A_replacement_or_an_insertion_without_text_is_refused(AmendmentKind kind, string? text)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Propose(kind, 1, text));
        Assert.Equal("text", refused.Field);
    }

    [Fact]
    public void A_deletion_needs_no_text_and_keeps_none()
    {
        Assert.Null(Propose(AmendmentKind.Delete, 2, text: null).Text);
        Assert.Null(Propose(AmendmentKind.Delete, 2, text: "ignored").Text);
    }

    [Fact]
    public void Applied_to_its_own_base_version_a_replacement_replaces_the_paragraph()
    {
        var amended = Propose(AmendmentKind.Replace, 2, "Workers of the world, unite.").ApplyTo(Base);
        Assert.Equal(["We salute the strike.", "Workers of the world, unite.", "Long live solidarity."], amended);
    }

    [Fact]
    public void Accepting_an_amendment_after_its_paragraph_moved_applies_it_where_the_paragraph_now_is()
    {
        var amendment = Propose(AmendmentKind.Replace, 2, "Workers of the world, unite.");
        // Meanwhile a paragraph was added at the start: paragraph 2 is now paragraph 3.
        string[] latest = ["A new opening.", .. Base];

        Assert.Equal(3, amendment.LocateIn(latest));
        Assert.Equal(["A new opening.", "We salute the strike.", "Workers of the world, unite.", "Long live solidarity."],
            amendment.ApplyTo(latest));
    }

    [Fact]
    public void A_deletion_after_its_paragraph_moved_deletes_that_paragraph_and_no_other()
    {
        var amendment = Propose(AmendmentKind.Delete, 1, text: null);
        string[] latest = ["Long live solidarity.", "Workers of all lands, unite.", "We salute the strike."];
        Assert.Equal(["Long live solidarity.", "Workers of all lands, unite."], amendment.ApplyTo(latest));
    }

    [Fact]
    public void An_insertion_after_a_paragraph_that_moved_goes_after_it_where_it_now_is()
    {
        var amendment = Propose(AmendmentKind.Insert, 1, "Inserted.");
        string[] latest = ["Workers of all lands, unite.", "We salute the strike.", "Long live solidarity."];
        Assert.Equal(["Workers of all lands, unite.", "We salute the strike.", "Inserted.", "Long live solidarity."],
            amendment.ApplyTo(latest));
    }

    [Fact]
    public void An_insertion_at_the_start_always_applies_at_the_start()
    {
        var amendment = Propose(AmendmentKind.Insert, 0, "Preamble.");
        Assert.Null(amendment.OriginalText);
        string[] latest = ["Entirely rewritten."];
        Assert.Equal(0, amendment.LocateIn(latest));
        Assert.Equal(["Preamble.", "Entirely rewritten."], amendment.ApplyTo(latest));
    }

    [Fact]
    public void When_the_paragraph_still_stands_at_its_number_that_copy_is_chosen_over_an_earlier_identical_one()
    {
        string[] repeated = ["Unite!", "Between.", "Unite!"];
        var amendment = Propose(AmendmentKind.Replace, 3, "Unite, all!", paragraphs: repeated);
        Assert.Equal(3, amendment.LocateIn(repeated));
        Assert.Equal(["Unite!", "Between.", "Unite, all!"], amendment.ApplyTo(repeated));
    }

    [Fact]
    public void Accepting_a_stale_amendment_is_refused_and_changes_nothing()
    {
        var amendment = Propose(AmendmentKind.Replace, 2, "Workers of the world, unite.");
        string[] latest = ["We salute the strike.", "Workers of all lands, unite!", "Long live solidarity."]; // the paragraph changed

        Assert.Null(amendment.LocateIn(latest));
        Assert.Throws<ConflictException>(() => amendment.ApplyTo(latest));
        Assert.Equal(AmendmentState.Proposed, amendment.State);
    }

    [Fact]
    public void Marking_an_amendment_accepted_records_the_version_it_made_and_who_decided()
    {
        var amendment = Propose(AmendmentKind.Replace, 2);
        amendment.MarkAccepted(5, "editor", Now.AddHours(1));

        Assert.Equal(AmendmentState.Accepted, amendment.State);
        Assert.Equal((5, "editor", Now.AddHours(1)), (amendment.ResultingVersionNumber, amendment.DecidedBy, amendment.DecidedAt));
        var accepted = Assert.IsType<DraftingEvents.AmendmentAccepted>(amendment.PendingEvents[^1]);
        Assert.Equal((5, "proposer", "editor"), (accepted.VersionNumber, accepted.ProposedBy, accepted.AcceptedBy));
    }

    [Fact]
    public void Rejecting_keeps_the_trimmed_reason_and_who_decided()
    {
        var amendment = Propose(AmendmentKind.Delete, 1, text: null);
        amendment.Reject("  Off topic.  ", "editor", Now.AddHours(1));

        Assert.Equal(AmendmentState.Rejected, amendment.State);
        Assert.Equal(("Off topic.", "editor", Now.AddHours(1)), (amendment.RejectionReason, amendment.DecidedBy, amendment.DecidedAt));
        Assert.Null(amendment.ResultingVersionNumber);
        var rejected = Assert.IsType<DraftingEvents.AmendmentRejected>(amendment.PendingEvents[^1]);
        Assert.Equal(("Off topic.", "editor"), (rejected.Reason, rejected.RejectedBy));
    }

    [Fact]
    public void A_decided_amendment_can_be_neither_applied_nor_decided_again()
    {
        var accepted = Propose(AmendmentKind.Replace, 2);
        accepted.MarkAccepted(4, "editor", Now);
        var rejected = Propose(AmendmentKind.Replace, 2);
        rejected.Reject(null, "editor", Now);

        foreach (var decided in new[] { accepted, rejected })
        {
            var events = decided.PendingEvents.Count;
            Assert.Throws<ConflictException>(() => decided.ApplyTo(Base));
            Assert.Throws<ConflictException>(() => decided.MarkAccepted(9, "other", Now.AddDays(1)));
            Assert.Throws<ConflictException>(() => decided.Reject("again", "other", Now.AddDays(1)));
            Assert.Equal("editor", decided.DecidedBy);
            Assert.Equal(Now, decided.DecidedAt);
            Assert.Equal(events, decided.PendingEvents.Count);
        }
        Assert.Equal(AmendmentState.Accepted, accepted.State);
        Assert.Equal(4, accepted.ResultingVersionNumber);
        Assert.Equal(AmendmentState.Rejected, rejected.State);
        Assert.Null(rejected.RejectionReason);
    }

    [Fact]
    public void Wherever_other_paragraphs_are_added_a_replacement_changes_only_its_own_paragraph()
    {
        var paragraph = Gen.String[Gen.Char['a', 'z'], 1, 12];
        Gen.Select(paragraph.Array[0, 5], paragraph.Array[0, 5]).Sample((before, after) =>
        {
            var amendment = Propose(AmendmentKind.Replace, 2, "REPLACED");
            var latest = before.Concat(Base).Concat(after).ToList();
            var amended = amendment.ApplyTo(latest);
            var at = before.Length + 1; // 0-based index of Base[1] in latest
            Assert.Equal(latest.Count, amended.Count);
            Assert.Equal("REPLACED", amended[at]);
            Assert.Equal(latest.Where((_, i) => i != at), amended.Where((_, i) => i != at));
        });
    }
}
