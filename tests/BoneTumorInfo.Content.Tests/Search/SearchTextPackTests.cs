using BoneTumorInfo.Content.Search;

namespace BoneTumorInfo.Content.Tests.Search;

public sealed class SearchTextPackTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("Your team will talk with you about the operation.\nবায়োপসির পরে ক্ষতস্থান শুকনো রাখুন।")]
    public void Packed_text_reads_back_the_same(string text)
    {
        Assert.Equal(text, SearchText.Unpack(SearchText.Pack(text)));
    }

    [Fact]
    public void A_long_body_that_compresses_far_reads_back_whole()
    {
        var text = string.Concat(Enumerable.Repeat("বায়োপসি biopsy ", 50_000));

        var packed = SearchText.Pack(text);

        Assert.True(packed.Length < text.Length / 50, $"{packed.Length} bytes for {text.Length} characters");
        Assert.Equal(text, SearchText.Unpack(packed));
    }

    [Fact]
    public void A_document_gives_back_its_body_and_keeps_it_through_with()
    {
        var document = new SearchDocument("bn", "a", "/bn/a", "শিরোনাম", "", "", "প্রথম লাইন\nsecond line");

        var renamed = document with { Title = "নতুন" };

        Assert.Equal("প্রথম লাইন\nsecond line", renamed.Body);
        Assert.Equal("নতুন", renamed.Title);
    }
}
