using System.Collections;
using System.Globalization;
using System.Resources;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Content.Service;

namespace BoneTumorInfo.Content.Tests.Languages;

public sealed class LanguageTextTests
{
    private static readonly ResourceManager Resources = new("BoneTumorInfo.Content.Languages.LanguageText", typeof(LanguageText).Assembly);

    private static SortedSet<string> Keys(CultureInfo culture) =>
        new(Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key), StringComparer.Ordinal);

    [Fact]
    public void The_Bengali_wording_has_every_key_the_English_has_and_no_other()
    {
        Assert.Equal(Keys(CultureInfo.InvariantCulture), Keys(CultureInfo.GetCultureInfo("bn")));
    }

    [Fact]
    public void Each_language_uses_its_own_words()
    {
        Assert.Equal("More words in the glossary", LanguageText.For("en").GlossaryMoreWords);
        Assert.Equal("শব্দকোষে আরও শব্দ", LanguageText.For("bn").GlossaryMoreWords);
        Assert.Equal("মানচিত্রে হাসপাতালটি দেখুন (OpenStreetMap)", LanguageText.For("bn").MapLink);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("xx")]
    [InlineData("")]
    public void A_language_without_wording_of_its_own_reads_wholly_in_English(string code)
    {
        Assert.True(OpeningHours.TryParse("Mon-Fri 09:00-17:30", out var hours, out var problem), problem);

        Assert.Equal("Monday to Friday, 9am to 5:30pm", hours.Describe(code));
        Assert.Equal("More words in the glossary", LanguageText.For(code).GlossaryMoreWords);
    }

    [Theory]
    [InlineData(0, "রাত ১২টা")]
    [InlineData(3 * 60, "রাত ৩টা")]
    [InlineData(4 * 60, "সকাল ৪টা")]
    [InlineData(12 * 60, "দুপুর ১২টা")]
    [InlineData((15 * 60) + 5, "বিকেল ৩টা ৫ মিনিট")]
    [InlineData(20 * 60, "রাত ৮টা")]
    public void Bengali_times_name_the_part_of_the_day(int minutes, string said)
    {
        Assert.Equal(said, LanguageText.For("bn").Time(minutes));
    }
}
