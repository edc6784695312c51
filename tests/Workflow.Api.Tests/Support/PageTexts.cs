using System.Xml.Linq;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// The pages' words in one language, read from the resources the service ships (Pages/Texts.&lt;language&gt;.resx): a test
/// that expects a translated label finds it the way the service does, and fails if the translation is missing.
/// </summary>
public sealed class PageTexts
{
    private readonly Dictionary<string, string> _translations;

    private PageTexts(string language, Dictionary<string, string> translations) => (Language, _translations) = (language, translations);

    public string Language { get; }

    public static PageTexts In(string language) => new(language, language == "en"
        ? []
        : XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Workflow.Api", "Pages", $"Texts.{language}.resx")).Root!
            .Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!));

    /// <summary>The text as the pages show it in this language; English is the key itself.</summary>
    public string this[string english, params object[] arguments]
    {
        get
        {
            if (Language != "en" && !_translations.ContainsKey(english))
                throw new KeyNotFoundException($"No {Language} translation of \"{english}\".");
            return string.Format(System.Globalization.CultureInfo.GetCultureInfo(Language),
                Language == "en" ? english : _translations[english], arguments);
        }
    }
}
