using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Content.Readability;
using Xunit.Abstractions;

namespace BoneTumorInfo.Content.Tests;

public class ReadabilityTests(ITestOutputHelper output)
{
    /// <summary>Syllable counts as dictionaries divide these words (Merriam-Webster's hyphenation points).</summary>
    [Theory]
    [InlineData("the", 1)]
    [InlineData("cat", 1)]
    [InlineData("bone", 1)]
    [InlineData("makes", 1)]
    [InlineData("jumped", 1)]
    [InlineData("cured", 1)]
    [InlineData("scan", 1)]
    [InlineData("table", 2)]
    [InlineData("little", 2)]
    [InlineData("apple", 2)]
    [InlineData("water", 2)]
    [InlineData("doctor", 2)]
    [InlineData("tumour", 2)]
    [InlineData("wanted", 2)]
    [InlineData("needed", 2)]
    [InlineData("boxes", 2)]
    [InlineData("changes", 2)]
    [InlineData("fracture", 2)]
    [InlineData("cancer", 2)]
    [InlineData("benign", 2)]
    [InlineData("nation", 2)]
    [InlineData("special", 2)]
    [InlineData("people", 2)]
    [InlineData("x-ray", 2)]
    [InlineData("syllable", 3)]
    [InlineData("surgery", 3)]
    [InlineData("hospital", 3)]
    [InlineData("family", 3)]
    [InlineData("banana", 3)]
    [InlineData("biopsy", 3)]
    [InlineData("radio", 3)]
    [InlineData("medicine", 3)]
    [InlineData("sarcoma", 3)]
    [InlineData("malignant", 3)]
    [InlineData("operation", 4)]
    [InlineData("amputation", 4)]
    [InlineData("recovery", 4)]
    [InlineData("anaesthesia", 5)]
    [InlineData("chemotherapy", 5)]
    [InlineData("osteosarcoma", 6)]
    [InlineData("physiotherapy", 6)]
    public void Syllables_are_counted_as_dictionaries_divide_words(string word, int syllables) =>
        Assert.Equal(syllables, Syllables.Count(word));

    [Fact]
    public void The_grade_is_the_Flesch_Kincaid_formula()
    {
        // 0.39 × (100 / 5) + 11.8 × (150 / 100) − 15.59 = 9.91
        Assert.Equal(9.9, new ReadingLevel(100, 5, 150, []).Grade);
        Assert.Equal(0, new ReadingLevel(0, 0, 0, []).Grade);
    }

    [Fact]
    public void Sentences_end_at_a_stop_before_a_capital_and_list_items_are_sentences()
    {
        var page = PageRenderer.Render(
            new PageEntry("en", "a", "/a", "a.md", "/tmp/a.md", "content/en/a.md", null, []),
            TestPages.Page("A", body: "## A heading that is not counted\n\nThe cat sat. It was happy, e.g. with food! Was it?\n\n- Call 999\n- Rest\n\n`code is not counted`"),
            "en");

        var level = page.ReadingLevel;
        Assert.Equal(5, level.Sentences);
        Assert.Equal(14, level.Words); // the(1) cat sat it was happy e.g with food was it call 999 rest
        Assert.Equal("It was happy, e.g. with food!", level.LongestSentences[0]);
    }

    public static TheoryData<string> EnglishPages() =>
        new(Directory.EnumerateFiles(Path.Combine(RepoPaths.Content, "en"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(RepoPaths.Content, "en"), f).Replace('\\', '/'))
            .Order());

    [Theory]
    [MemberData(nameof(EnglishPages))]
    public void Every_English_page_reads_at_grade_8_or_lower(string file)
    {
        var index = PageIndex.Build(RepoPaths.Content, new ContentOptions(), includeDrafts: true);
        var entry = index.FindFile($"en/{file}")!;
        var level = PageRenderer.Render(entry, File.ReadAllText(entry.FullPath), "en", index.GlossaryFor("en")).ReadingLevel;

        output.WriteLine($"{file}: {level.Words} words, {level.Sentences} sentences, grade {level.Grade:0.0}");
        Assert.True(level.Grade <= 8.0, $"{file} reads at grade {level.Grade:0.0}; longest sentences:\n{string.Join('\n', level.LongestSentences)}");
        Assert.True(level.Words > 30, $"{file} has only {level.Words} words of text");
    }
}
