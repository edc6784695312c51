using Workflow.Core.Common;
using Workflow.Core.Statements;

namespace Workflow.Core.Tests.Statements;

/// <summary>The "as of" date a coordinator may choose when publishing: not in the future, not before the statement opened.</summary>
public sealed class PublishAsOfTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Opened.AddDays(10);

    private static Statement OpenStatement(StatementSource? source = null)
    {
        var (statement, version) = Statement.Draft("peru", "Solidarity", "We salute.", "en", true, "owner", Opened.AddDays(-1));
        if (source is not null) statement.SetPublicationDetails(new PublicationDetails(StatementKind.Joint, Source: source),
            "owner", Opened.AddDays(-1));
        statement.OpenForSignature(version, [], "owner", Opened);
        return statement;
    }

    [Fact]
    public void A_date_between_the_opening_and_now_is_the_lists_date()
    {
        var statement = OpenStatement();
        statement.Publish("owner", Opened.AddDays(3), Now);
        Assert.Equal(Opened.AddDays(3), statement.PublicationDate);
    }

    [Fact]
    public void A_date_in_the_future_is_refused_naming_asOf()
    {
        var refused = Assert.Throws<DomainRuleException>(() => OpenStatement().Publish("owner", Now.AddMinutes(1), Now));
        Assert.Equal("asOf", refused.Field);
    }

    [Fact]
    public void A_date_before_the_statement_opened_is_refused_naming_asOf()
    {
        var statement = OpenStatement();
        var refused = Assert.Throws<DomainRuleException>(() => statement.Publish("owner", Opened.AddMinutes(-1), Now));
        Assert.Equal("asOf", refused.Field);
        Assert.Equal(StatementState.OpenForSignature, statement.State);
        statement.Publish("owner", Opened, Now);
        Assert.Equal(Opened, statement.PublicationDate);
    }

    [Fact]
    public void An_unknown_date_is_refused_for_a_statement_signed_here_and_allowed_for_one_taken_from_a_source()
    {
        var refused = Assert.Throws<DomainRuleException>(() => OpenStatement().Publish("owner", null, Now, dateUnknown: true));
        Assert.Equal("asOfUnknown", refused.Field);

        var fromSource = OpenStatement(new StatementSource("Resolution", "ICOR", "https://example.org/r", null));
        fromSource.Publish("owner", null, Now, dateUnknown: true);
        Assert.Null(fromSource.PublicationDate);
    }

    [Fact]
    public void A_list_taken_from_a_source_may_be_as_of_its_own_earlier_date()
    {
        var statement = OpenStatement(new StatementSource("Resolution", "ICOR", null, null));
        statement.Publish("owner", new DateTimeOffset(2023, 2, 7, 0, 0, 0, TimeSpan.Zero), Now);
        Assert.Equal(2023, statement.PublicationDate!.Value.Year);
    }
}
