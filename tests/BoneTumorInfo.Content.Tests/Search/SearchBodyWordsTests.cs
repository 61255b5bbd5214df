using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Content.Search;

namespace BoneTumorInfo.Content.Tests.Search;

/// <summary>
/// The index keeps each body as term numbers only, and finds the words' places again by reading
/// the text when it makes an extract. The words it finds must be exactly the ones reading and
/// folding the text afresh gives: same places, same lengths, same terms, in order.
/// </summary>
public sealed class SearchBodyWordsTests
{
    private static SearchIndex Build(IEnumerable<SearchDocument> documents) =>
        SearchIndex.Build(documents, language => SearchSynonyms.For(language, null));

    private static void AssertSameAsFreshReading(SearchIndex index, IReadOnlyCollection<SearchDocument> documents)
    {
        foreach (var language in documents.Select(d => d.Language).Distinct())
        {
            var stored = index.BodyWordsOf(language);
            foreach (var document in documents.Where(d => d.Language == language))
            {
                Assert.True(SearchText.Tokens(document.Body).SequenceEqual(stored[document.Url]), document.Url);
            }
        }
    }

    [Fact]
    public void Every_real_page_s_words_come_back_as_a_fresh_reading_gives_them()
    {
        var pages = PageIndex.Build(RepoPaths.Content, new ContentOptions { RootPath = RepoPaths.Content }, includeDrafts: false);
        var documents = pages.Pages
            .Where(entry => !entry.IsBroken && !entry.IsDraft)
            .Select(entry => SearchDocuments.From(entry, PageIndex.ReadText(entry.FullPath), pages.GlossaryFor(entry.Language)))
            .ToList();
        Assert.True(documents.Count(d => d.Language == "bn") > 20);
        Assert.True(documents.Count(d => d.Language == "en") > 20);
        using var index = Build(documents);

        AssertSameAsFreshReading(index, documents);
    }

    [Theory]
    // Joiners and the virama inside Bengali words, the letters NFC spells in two parts, the
    // two-part vowel sign, Bengali digits, and words that repeat with different spellings.
    [InlineData("ক্ষ\u200Dতি হলে ডাক্তার দেখান। ড়া ঢ়া য়া আর \u09DC\u09BE। কো কো কোলে। ১২৩ 123 ১২৩")]
    [InlineData("Tumour, TUMOUR and tumours; children's care (and the child's). x - y — z")]
    [InlineData("Line one.\nLine two has    spaces\r\n\nLast line with a very-long-hyphenated-word and 3.5 cm")]
    [InlineData("")]
    public void Awkward_bodies_come_back_as_a_fresh_reading_gives_them(string body)
    {
        var documents = new[]
        {
            new SearchDocument("en", "a", "/a", "A", "", "", body),
            new SearchDocument("en", "b", "/b", "B", "", "", "Some other words first: " + body),
            new SearchDocument("bn", "a", "/bn/a", "ক", "", "", body),
        };
        using var index = Build(documents);

        AssertSameAsFreshReading(index, documents);
    }

    [Theory]
    // The first paragraph with the most words searched for, past empty and blank lines.
    [InlineData("en", "Nothing to see here.\n\nOnly chemotherapy on this line.\n   \nSurgery and chemotherapy, both here.\nSurgery and chemotherapy again, later.",
        "chemotherapy surgery", "Surgery and chemotherapy, both here.", new[] { "Surgery", "chemotherapy" })]
    // A Bengali word marked where it stands in its paragraph.
    [InlineData("bn", "প্রথম লাইন।\nঅপারেশনের আগে কেমোথেরাপি দেওয়া হয়।\nশেষ লাইন।",
        "কেমোথেরাপি", "অপারেশনের আগে কেমোথেরাপি দেওয়া হয়।", new[] { "কেমোথেরাপি" })]
    public void The_extract_is_the_right_paragraph_with_its_matched_words_marked(string language, string body, string query, string extract, string[] marked)
    {
        using var index = Build([new SearchDocument(language, "p", "/p", "P", "", "", body)]);

        var hit = index.Search(language, query).Hits.Single();

        Assert.Equal(extract, string.Concat(hit.Extract.Select(p => p.Text)));
        Assert.Equal(marked, hit.Extract.Where(p => p.IsMatch).Select(p => p.Text).ToArray());
    }
}
