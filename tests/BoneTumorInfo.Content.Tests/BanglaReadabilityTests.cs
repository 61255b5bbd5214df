using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Content.Readability;

namespace BoneTumorInfo.Content.Tests;

public class BanglaReadabilityTests
{
    /// <summary>Counted by hand: aksharas split with "|", and whether a consonant + ্ + consonant is in the word.</summary>
    [Theory]
    [InlineData("হাড়", 2, false)] // হা|ড়
    [InlineData("আমি", 2, false)] // আ|মি
    [InlineData("বাংলা", 2, false)] // বাং|লা
    [InlineData("ব্যথা", 2, true)] // ব্য|থা
    [InlineData("চিকিৎসা", 3, false)] // চি|কিৎ|সা: khanda ta closes the akshara before it
    [InlineData("ডাক্তার", 3, true)] // ডা|ক্তা|র
    [InlineData("ক্যানসার", 4, true)] // ক্যা|ন|সা|র
    [InlineData("শিরোনাম", 4, false)] // শি|রো|না|ম
    [InlineData("অস্ত্রোপচার", 5, true)] // অ|স্ত্রো|প|চা|র: three consonants in one akshara
    [InlineData("হাসপাতাল", 5, false)] // হা|স|পা|তা|ল
    [InlineData("কেমোথেরাপি", 5, false)] // কে|মো|থে|রা|পি
    [InlineData("অস্টিওসারকোমা", 7, true)] // অ|স্টি|ও|সা|র|কো|মা
    [InlineData("র\u200D্যাব", 2, true)] // র‍্যা|ব, with a zero-width joiner inside the conjunct
    [InlineData("৯৯৯", 1, false)] // a number is one akshara
    public void Aksharas_and_juktakkhor_are_counted_as_a_reader_sees_them(string word, int aksharas, bool conjunct)
    {
        Assert.Equal(aksharas, Aksharas.Count(word));
        Assert.Equal(conjunct, Aksharas.HasConjunct(word));
    }

    [Fact]
    public void Plain_bengali_sentences_are_measured_and_pass()
    {
        // আমি(2) হাসপাতালে(5, long) যাব(2) | ডাক্তার(3, juktakkhor) আমার(3) হাড়(2) দেখবেন(4)
        var level = BanglaReadingLevelMeter.Measure(BanglaReadingLevelMeter.SplitSentences("আমি হাসপাতালে যাব। ডাক্তার আমার হাড় দেখবেন।"));

        Assert.Equal(2, level.Sentences);
        Assert.Equal(7, level.Words);
        Assert.Equal(21, level.Aksharas);
        Assert.Equal(1, level.ConjunctWords);
        Assert.Equal(1, level.LongWords);
        Assert.Equal(3.5, level.WordsPerSentence);
        Assert.Equal(3.0, level.AksharasPerWord);
        Assert.Equal(0.14, level.ConjunctShare);
        Assert.True(level.IsPlain, string.Join("; ", level.OverLimits));
    }

    private const string FormalSentence =
        "অস্ত্রোপচারপরবর্তী পুনর্বাসনপ্রক্রিয়ার অন্তর্ভুক্ত শারীরিক ক্রিয়াকলাপসমূহের যথাযথ বাস্তবায়ন ব্যতিরেকে অস্থিসন্ধির কার্যক্ষমতা সম্পূর্ণরূপে পুনঃপ্রতিষ্ঠিত হওয়ার সম্ভাবনা উল্লেখযোগ্যভাবে হ্রাস পায়।";

    [Fact]
    public void A_long_sentence_is_too_long_even_alone_but_word_shares_need_enough_words()
    {
        var level = BanglaReadingLevelMeter.Measure(BanglaReadingLevelMeter.SplitSentences(FormalSentence));

        Assert.Equal(1, level.Sentences);
        Assert.Equal(17, level.Words);
        Assert.Equal(["17.0 words per sentence (limit 12)"], level.OverLimits);
    }

    [Fact]
    public void Formal_conjunct_heavy_text_is_over_every_limit_and_says_so()
    {
        var level = BanglaReadingLevelMeter.Measure(BanglaReadingLevelMeter.SplitSentences(string.Join(' ', Enumerable.Repeat(FormalSentence, 3))));

        Assert.Equal(3, level.Sentences);
        Assert.Equal(51, level.BengaliWords);
        Assert.False(level.IsPlain);
        Assert.Equal(4, level.OverLimits.Count);
        Assert.Contains("words with a juktakkhor", level.OverLimits[3], StringComparison.Ordinal);
    }

    [Fact]
    public void English_terms_in_brackets_count_as_words_but_not_as_aksharas()
    {
        var level = BanglaReadingLevelMeter.Measure(["হাড়ের ক্যানসার (bone cancer) হয়।"]);

        Assert.Equal(5, level.Words);
        Assert.Equal(3, level.BengaliWords);
        Assert.Equal(3 + 4 + 2, level.Aksharas); // হা|ড়ে|র, ক্যা|ন|সা|র, হ|য়
    }

    [Fact]
    public void Only_bengali_pages_get_the_bengali_measure()
    {
        var bn = PageRenderer.Render(new PageEntry("bn", "a", "/bn/a", "a.md", "/tmp/a.md", "content/bn/a.md", null, []),
            TestPages.Page("ক", body: "## শিরোনাম গোনা হয় না\n\nআমি হাসপাতালে যাব।\n\n- ডাক্তার দেখবেন"), "en");
        var en = PageRenderer.Render(new PageEntry("en", "a", "/a", "a.md", "/tmp/a.md", "content/en/a.md", null, []),
            TestPages.Page("A", body: "Plain words."), "en");

        Assert.NotNull(bn.BanglaReadingLevel);
        Assert.Equal(2, bn.BanglaReadingLevel.Sentences);
        Assert.Equal(5, bn.BanglaReadingLevel.Words);
        Assert.Null(en.BanglaReadingLevel);
    }
}
