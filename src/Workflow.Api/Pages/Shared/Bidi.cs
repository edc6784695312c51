namespace Workflow.Api.Pages.Shared;

/// <summary>
/// Values that read left to right (e-mail addresses, web addresses, codes) inside a sentence of a right-to-left page: wrapped in
/// Unicode's left-to-right isolate, so that "user@example.org." keeps its order and its full stop stays outside it.
/// Only right-to-left pages need it: left-to-right ones keep the value as it is (and a button's accessible name stays the plain text).
/// </summary>
public static class Bidi
{
    public static string LeftToRight(string? value) =>
        string.IsNullOrEmpty(value) ? "" : System.Globalization.CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft
        ? "\u2066" + value + "\u2069" : value;
}
