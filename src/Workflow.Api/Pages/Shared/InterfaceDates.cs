using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflow.Api.Pages.Shared;

/// <summary>
/// Dates as the page's language writes them ("2 December 2026", "2. Dezember 2026", "2 de diciembre de 2026", "2 декабря 2026 г.").
/// The day comes from the culture's long date without its weekday; English keeps the day-month-year order the pages always had.
/// Times are UTC and say so.
/// </summary>
public static partial class InterfaceDates
{
    private static readonly ConcurrentDictionary<string, string> DayPatterns = new();

    public static string Day(IFormattable date) => date.ToString(DayPattern(CultureInfo.CurrentCulture), CultureInfo.CurrentCulture);

    /// <summary>The day and the time on the clock of the date's own offset (a time zone the page names beside it).</summary>
    public static string DayAndClock(IFormattable date) =>
        date.ToString(DayPattern(CultureInfo.CurrentCulture) + ", HH:mm", CultureInfo.CurrentCulture);

    public static string DayAndTime(IFormattable date) =>
        date.ToString(DayPattern(CultureInfo.CurrentCulture) + ", HH:mm 'UTC'", CultureInfo.CurrentCulture);

    public static string DayAndTimeWithSeconds(IFormattable date) =>
        date.ToString(DayPattern(CultureInfo.CurrentCulture) + ", HH:mm:ss 'UTC'", CultureInfo.CurrentCulture);

    /// <summary>For tables: the culture's short date and the time.</summary>
    public static string Compact(IFormattable date)
    {
        var culture = CultureInfo.CurrentCulture;
        var day = IsEnglish(culture) ? "d MMM yyyy" : culture.DateTimeFormat.ShortDatePattern;
        return date.ToString(day + " HH:mm", culture);
    }

    private static string DayPattern(CultureInfo culture) => DayPatterns.GetOrAdd(culture.Name, _ =>
        IsEnglish(culture) ? "d MMMM yyyy" : Weekday().Replace(culture.DateTimeFormat.LongDatePattern, "").Trim(' ', ',', '،'));

    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    /// <summary>The weekday and the separator that joins it to the date, on either side.</summary>
    [GeneratedRegex(@"dddd[,،]?\s*|\s*[,،]?\s*dddd")]
    private static partial Regex Weekday();
}
