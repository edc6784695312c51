using System.Globalization;
using Workflow.Core.Endorsements;

namespace Workflow.Api.Pages.Drafts;

/// <summary>The columns the signatures table sorts by.</summary>
public enum SignatureColumn { Number, Organisation, Signer, Date, Version, Reconfirmation, Provenance, Status }

/// <summary>
/// What the signatures table shows, as the query string says it (so the address can be shared and it works without script):
/// which signatures, in which order, which page.
/// </summary>
public sealed class SignatureView
{
    public SignatureStatus? Status { get; set; }
    public SignatureProvenance? Provenance { get; set; }
    /// <summary>Only signatures still to confirm the text now open for signature.</summary>
    public bool Awaiting { get; set; }
    /// <summary>Words in the organisation's name, English name or acronym.</summary>
    public string? Q { get; set; }
    public SignatureColumn Sort { get; set; } = SignatureColumn.Number;
    public bool Desc { get; set; }
    public int Page { get; set; } = 1;

    /// <summary>The query string of this view with some values changed; defaults are left out.</summary>
    public string With(SignatureColumn? sort = null, bool? desc = null, int? page = null)
    {
        var values = new List<KeyValuePair<string, string?>>();
        if (Status is { } status) values.Add(new("status", status.ToString()));
        if (Provenance is { } provenance) values.Add(new("provenance", provenance.ToString()));
        if (Awaiting) values.Add(new("awaiting", "true"));
        if (!string.IsNullOrWhiteSpace(Q)) values.Add(new("q", Q.Trim()));
        var column = sort ?? Sort;
        if (column != SignatureColumn.Number) values.Add(new("sort", column.ToString()));
        if (desc ?? Desc) values.Add(new("desc", "true"));
        var number = page ?? Page;
        if (number > 1) values.Add(new("page", number.ToString(CultureInfo.InvariantCulture)));
        return Microsoft.AspNetCore.Http.QueryString.Create(values).ToUriComponent();
    }
}

/// <summary>Filters and sorts the signatures of a statement for the table and its CSV export.</summary>
public static class SignatureTable
{
    /// <summary>Rows on one page: a statement with 10,000 signatures is read in pages, and exported whole.</summary>
    public const int PageSize = 100;

    public static IReadOnlyList<SignatureRecord> Apply(IEnumerable<SignatureRecord> signatures, SignatureView view, CultureInfo culture)
    {
        var rows = signatures;
        if (view.Status is { } status) rows = rows.Where(s => s.Status == status.ToString());
        if (view.Provenance is { } provenance) rows = rows.Where(s => s.Provenance.Kind == provenance.ToString());
        if (view.Awaiting) rows = rows.Where(s => s.Reconfirmation == ReconfirmationState.Awaiting);
        if (!string.IsNullOrWhiteSpace(view.Q))
        {
            var words = view.Q.Trim();
            rows = rows.Where(s => Contains(s.DisplayedName, words, culture) || Contains(s.DisplayedNameEnglish, words, culture)
                || Contains(s.DisplayedAcronym, words, culture));
        }

        var text = StringComparer.Create(culture, CompareOptions.IgnoreCase);
        var ordered = view.Sort switch
        {
            SignatureColumn.Organisation => Order(rows, s => s.DisplayedName, text, view.Desc),
            SignatureColumn.Signer => Order(rows, s => s.SignerName ?? "", text, view.Desc),
            // An undated signature sorts before every dated one, ascending.
            SignatureColumn.Date => Order(rows, s => s.SignedAt ?? DateTimeOffset.MinValue, Comparer<DateTimeOffset>.Default, view.Desc),
            SignatureColumn.Version => Order(rows, s => s.VersionNumber, Comparer<int>.Default, view.Desc),
            SignatureColumn.Reconfirmation => Order(rows, s => s.Reconfirmation, Comparer<ReconfirmationState>.Default, view.Desc),
            SignatureColumn.Provenance => Order(rows, s => s.Provenance.Kind, StringComparer.Ordinal, view.Desc),
            SignatureColumn.Status => Order(rows, s => s.Status, StringComparer.Ordinal, view.Desc),
            _ => Order(rows, s => s.Number, Comparer<int>.Default, view.Desc),
        };
        return ordered.ThenBy(s => s.Number).ToList();
    }

    public static IReadOnlyList<SignatureRecord> PageOf(IReadOnlyList<SignatureRecord> rows, int page) =>
        rows.Skip((Math.Clamp(page, 1, PageCount(rows.Count)) - 1) * PageSize).Take(PageSize).ToList();

    public static int PageCount(int rows) => Math.Max(1, (rows + PageSize - 1) / PageSize);

    private static IOrderedEnumerable<SignatureRecord> Order<TKey>(IEnumerable<SignatureRecord> rows, Func<SignatureRecord, TKey> key,
        IComparer<TKey> comparer, bool descending) =>
        descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    private static bool Contains(string? value, string words, CultureInfo culture) =>
        value is not null && culture.CompareInfo.IndexOf(value, words, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
}
