using BoneTumorInfo.Content.Search;

namespace BoneTumorInfo.Content.Tests.Search;

/// <summary>How words are cut and folded: the same on the index side and the query side.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("অস্টিওসারকোমা")]
    [InlineData("হাড়")]
    [InlineData("ক্যানসার")]
    [InlineData("কেমোথেরাপি")]
    public void A_Bengali_word_with_vowel_signs_and_conjuncts_is_one_word(string word)
    {
        var token = Assert.Single(SearchText.Tokens($"({word}) "));

        Assert.Equal(1, token.Start);
        Assert.Equal(word.Length, token.Length);
    }

    [Fact]
    public void Bengali_letters_with_a_dot_match_however_they_were_typed()
    {
        // ড় as one code point (U+09DC) and as ড + nukta (U+09A1 U+09BC).
        Assert.Equal(SearchText.Indexable("হা\u09DC"), SearchText.Indexable("হা\u09A1\u09BC"));
    }

    [Fact]
    public void The_two_common_spellings_of_cancer_in_Bengali_are_one_term()
    {
        Assert.Equal(SearchText.Indexable("ক্যানসার"), SearchText.Indexable("ক্যান্সার"));
        Assert.Equal(SearchText.Indexable("র‍্যাপার"), SearchText.Indexable("র্যাপার"));
    }

    [Theory]
    [InlineData("tumour", "tumor")]
    [InlineData("Tumours", "tumors")]
    [InlineData("anaesthesia", "anesthesia")]
    [InlineData("paediatric", "pediatric")]
    [InlineData("orthopaedic", "orthopedic")]
    [InlineData("oedema", "edema")]
    [InlineData("haemoglobin", "hemoglobin")]
    [InlineData("colour", "color")]
    public void British_and_American_spellings_are_one_term(string british, string american)
    {
        Assert.Equal(SearchText.Indexable(american), SearchText.Indexable(british));
    }

    [Theory]
    [InlineData("your")]
    [InlineData("four")]
    [InlineData("toe")]
    [InlineData("metastasis")]
    public void Short_and_ordinary_words_are_not_bent_into_others(string word)
    {
        Assert.Equal(word, SearchText.Indexable(word));
    }

    [Fact]
    public void Bengali_digits_are_the_same_numbers_as_western_ones()
    {
        Assert.Equal("999", SearchText.Indexable("৯৯৯"));
    }

    [Fact]
    public void Punctuation_and_query_syntax_are_not_words()
    {
        Assert.Equal(["near", "tumor"], SearchText.Terms("\"NEAR(* tumour)\" --").ToArray());
    }
}
