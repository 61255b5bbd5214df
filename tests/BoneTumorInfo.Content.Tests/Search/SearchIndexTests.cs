using BoneTumorInfo.Content.Glossary;
using BoneTumorInfo.Content.Search;

namespace BoneTumorInfo.Content.Tests.Search;

/// <summary>The index on a handful of pages: what patients type finds the page that answers it.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private static readonly SearchDocument[] English =
    [
        new("en", "conditions/benign", "/conditions/benign", "Benign bone tumours", "Tumours that are not cancer.", "What a benign tumour is",
            "A benign tumour is a lump that is not cancer.\nMost need only a small operation."),
        new("en", "conditions/malignant", "/conditions/malignant", "Malignant bone tumours", "The main kinds of bone cancer.", "Osteosarcoma\nEwing sarcoma",
            "Osteosarcoma is the most common malignant bone tumour in young people.\nChemotherapy is given before surgery."),
        new("en", "surgery/anaesthesia", "/surgery/anaesthesia", "Anaesthesia", "Being asleep for the operation.", "Before the anaesthetic",
            "The anaesthetist will talk to you. Paediatric anaesthesia is for children."),
        new("en", "about", "/about", "About us", "Who we are.", "", "We are an orthopaedic team. Some patients first notice a tumour as a lump."),
    ];

    private static readonly SearchDocument[] Bengali =
    [
        new("bn", "conditions/malignant", "/bn/conditions/malignant", "ম্যালিগন্যান্ট হাড়ের টিউমার", "হাড়ের ক্যানসারের প্রধান ধরন।", "অস্টিওসারকোমা",
            "কমবয়সীদের মধ্যে হাড়ের সবচেয়ে বেশি দেখা যাওয়া ক্যানসার হলো অস্টিওসারকোমা (Osteosarcoma)।"),
        new("bn", "children/care-team", "/bn/children/care-team", "শিশুর চিকিৎসা দল", "কারা আপনার সন্তানের দেখাশোনা করবেন।", "",
            "অস্টিওসারকোমা হলে দলের একজন নার্স আপনাকে সব বুঝিয়ে বলবেন। হাতের ব্যথা হলে বলুন।"),
    ];

    private static readonly Glossary.GlossaryTerms BengaliGlossary = new(
    [
        new GlossaryEntry("অস্টিওসারকোমা (Osteosarcoma)", [], "হাড়ের একধরনের ক্যানসার।", 1),
    ]);

    private readonly SearchIndex _index = SearchIndex.Build(English.Concat(Bengali),
        language => SearchSynonyms.For(language, language == "bn" ? BengaliGlossary : null));

    public void Dispose() => _index.Dispose();

    private string[] Urls(string language, string query) => _index.Search(language, query).Hits.Select(h => h.Document.Url).ToArray();

    [Fact]
    public void A_word_too_long_for_the_index_is_left_out_and_the_rest_of_the_page_is_found()
    {
        // 300 letters with no break (pasted data, say): longer than a term the index keeps.
        var page = new SearchDocument("en", "odd", "/odd", "Odd page", "", "", new string('x', 300) + " fibula graft");
        using var index = SearchIndex.Build([page], language => SearchSynonyms.For(language, null));

        Assert.Equal(["/odd"], index.Search("en", "fibula").Hits.Select(h => h.Document.Url));
        Assert.Empty(index.Search("en", new string('x', 300)).Hits);
    }

    [Fact]
    public void A_misspelling_is_answered_with_the_word_as_the_pages_write_it()
    {
        // "tumour" and "Tumours" fold to one term; the suggestion is the spelling the pages use.
        var results = _index.Search("en", "tumuor");

        Assert.Equal("tumour", results.Suggestion);
    }

    [Fact]
    public void The_American_spelling_finds_British_pages_with_the_title_match_first()
    {
        var urls = Urls("en", "tumor");

        Assert.Equal(["/conditions/benign", "/conditions/malignant", "/about"], urls);
    }

    [Theory]
    [InlineData("anesthesia")]
    [InlineData("pediatric")]
    [InlineData("orthopedic team")]
    public void American_spellings_find_British_words(string query)
    {
        Assert.NotEmpty(Urls("en", query));
    }

    [Fact]
    public void Bone_cancer_finds_the_malignant_tumours_page_first()
    {
        Assert.Equal("/conditions/malignant", Urls("en", "bone cancer")[0]);
    }

    [Fact]
    public void A_lay_word_finds_the_medical_word()
    {
        var results = _index.Search("en", "growth");

        Assert.Contains("/conditions/benign", results.Hits.Select(h => h.Document.Url));
    }

    [Fact]
    public void A_misspelt_word_gets_a_suggestion_and_the_suggestion_s_pages()
    {
        var results = _index.Search("en", "osteosarcma");

        Assert.Equal("osteosarcoma", results.Suggestion);
        Assert.True(results.ShowingSuggestion);
        Assert.Equal("/conditions/malignant", results.Hits[0].Document.Url);
    }

    [Fact]
    public void A_Bengali_word_finds_its_inflected_forms()
    {
        Assert.Contains("/bn/conditions/malignant", Urls("bn", "হাড়"));
        Assert.Contains("/bn/conditions/malignant", Urls("bn", "ক্যান্সার"));
    }

    [Fact]
    public void A_Bengali_word_is_not_cut_at_its_vowel_signs()
    {
        // "হাড়" cut at its vowel sign would be "হ", which would also find "হাতের" on the care-team page.
        Assert.Equal(["/bn/conditions/malignant"], Urls("bn", "হাড়"));
    }

    [Fact]
    public void An_English_term_on_a_Bengali_page_finds_the_pages_that_use_its_Bengali_word()
    {
        var urls = Urls("bn", "osteosarcoma");

        Assert.Equal(["/bn/conditions/malignant", "/bn/children/care-team"], urls);
    }

    [Fact]
    public void Stop_words_do_not_stop_a_question_from_finding_its_page()
    {
        Assert.Equal("/conditions/benign", Urls("en", "what is a benign tumour?")[0]);
    }

    [Fact]
    public void When_no_page_has_every_word_the_pages_with_some_of_them_are_shown()
    {
        var results = _index.Search("en", "chemotherapy zebra");

        Assert.False(results.MatchedAllWords);
        Assert.Equal("/conditions/malignant", results.Hits[0].Document.Url);
    }

    [Fact]
    public void The_extract_is_the_matching_sentence_with_the_matched_words_marked()
    {
        var hit = _index.Search("en", "chemotherapy").Hits.Single();

        Assert.Equal("Chemotherapy is given before surgery.", string.Concat(hit.Extract.Select(p => p.Text)));
        Assert.Equal(["Chemotherapy"], hit.Extract.Where(p => p.IsMatch).Select(p => p.Text).ToArray());
    }

    public static TheoryData<string> Awkward => AwkwardQueries.With("tumour\" OR \"", "title:tumour", "NEAR(tumour lump, 1)", "- ^ + ) AND OR NOT", "<script>alert(1)</script>");

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Nothing_a_reader_types_makes_the_search_fail(string query)
    {
        var results = _index.Search("en", query);

        Assert.NotNull(results);
    }

    [Fact]
    public void A_very_long_search_is_cut_and_still_answered()
    {
        var results = _index.Search("en", string.Concat(Enumerable.Repeat("tumour ", 500)));

        Assert.InRange(results.Query.Length, SearchIndex.MaxQueryLength - 10, SearchIndex.MaxQueryLength);
        Assert.NotEmpty(results.Hits);
    }

    [Fact]
    public void A_language_without_pages_finds_nothing()
    {
        Assert.Empty(_index.Search("fr", "tumour").Hits);
    }
}
