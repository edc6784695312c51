using Workflow.Core.Endorsements;
using Workflow.Core.Drafting;

namespace Workflow.Core.Tests.Drafting;

public sealed class StoredTranslationTests
{
    [Theory]
    [InlineData("es", 2, "es:2")]
    [InlineData("pt-BR", 12, "pt-BR:12")]
    public void An_offered_translation_is_stored_as_language_and_number_and_read_back(string language, int number, string stored)
    {
        Assert.Equal(stored, new OfferedTranslation(language, number).ToString());
        Assert.Equal(new OfferedTranslation(language, number), OfferedTranslation.Parse(stored));
    }

    [Fact]
    public void A_translation_a_signature_was_offered_is_stored_with_its_hash_and_read_back()
    {
        var hash = new string('a', 64);
        var offered = new TranslationRef("zh-Hant", 3, hash);

        Assert.Equal($"zh-Hant:3:{hash}", offered.ToString());
        Assert.Equal(offered, TranslationRef.Parse(offered.ToString()));
    }
}
