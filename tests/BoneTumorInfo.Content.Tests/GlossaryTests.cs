using AngleSharp.Html.Parser;
using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.Glossary;
using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Content.Tests;

public sealed class GlossaryTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    private static readonly GlossaryTerms Terms = new(
    [
        new GlossaryEntry("Biopsy", ["biopsies"], "A test that takes a small piece of the tumour to look at.", 1),
        new GlossaryEntry("Giant cell tumour of bone", [], "A tumour that is not cancer but can damage the bone near a joint.", 4),
        new GlossaryEntry("Tumour", ["tumours"], "A lump made by cells growing when they should not.", 6),
        new GlossaryEntry("X-ray", ["X-rays"], "A quick picture of the inside of the body.", 8),
    ]);

    private static AngleSharp.Dom.IDocument Render(string body, string file = "conditions/benign.md")
    {
        var entry = new PageEntry("en", ContentPaths.SlugOf(file), "/x", file, "/tmp/x.md", $"content/en/{file}", null, []);
        return new HtmlParser().ParseDocument(PageRenderer.Render(entry, TestPages.Page("T", body: body), "en", Terms).Html);
    }

    [Fact]
    public void The_first_use_of_a_term_opens_its_definition_in_place_and_later_uses_stay_plain()
    {
        var doc = Render("A biopsy comes first. After the biopsy, we talk.\n\nAnother biopsy paragraph.");

        var term = Assert.Single(doc.QuerySelectorAll("button.glossary-term"));
        Assert.Equal("biopsy", term.TextContent);
        var popover = doc.GetElementById(term.GetAttribute("popovertarget")!);
        Assert.NotNull(popover);
        Assert.True(popover.HasAttribute("popover"));
        Assert.Contains("small piece of the tumour", popover.TextContent, StringComparison.Ordinal);
        Assert.Equal("/glossary#biopsy", popover.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("A biopsy comes first. After the biopsy, we talk.", doc.QuerySelector("p")!.TextContent.Replace(popover.TextContent, "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_longest_form_wins_and_other_forms_count_as_uses()
    {
        var doc = Render("A giant cell tumour of bone is rare. Biopsies help. Some tumours grow. An X-ray helps.");

        Assert.Equal(["giant cell tumour of bone", "Biopsies", "tumours", "X-ray"], doc.QuerySelectorAll("button.glossary-term").Select(b => b.TextContent));
    }

    [Fact]
    public void Headings_links_and_words_inside_other_words_are_left_alone()
    {
        var doc = Render("## Biopsy\n\n[a biopsy](other.md) and biopsyish words and `biopsy`.\n\nThen a biopsy.");

        var term = Assert.Single(doc.QuerySelectorAll("button.glossary-term"));
        Assert.Equal("P", term.ParentElement?.TagName);
        Assert.Equal("Then a biopsy", term.ParentElement?.TextContent[..13]);
    }

    [Fact]
    public void The_glossary_page_lists_every_entry_under_its_letter()
    {
        var doc = Render("Intro words.", file: "glossary.md");

        Assert.Empty(doc.QuerySelectorAll("button.glossary-term"));
        Assert.Equal(["B", "G", "T", "X"], doc.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal("Biopsy", doc.GetElementById("biopsy")?.TextContent);
        Assert.Equal("X-ray", doc.GetElementById("x-ray")?.TextContent);
        Assert.Equal("A quick picture of the inside of the body.", doc.GetElementById("x-ray")?.NextElementSibling?.TextContent);
    }

    [Fact]
    public void A_glossary_file_is_read_and_its_faults_are_located()
    {
        _content.Write("en/glossary.yml", """
            - term: Biopsy
              also: [biopsies]
              definition: A test.
            - term: Cyst
              definition: A hole filled with fluid.
            - term: biopsy
              definition: Again.
            - term: Margin
            - term: Scan
              colour: blue
              definition: A picture.
            """.ReplaceLineEndings("\n"));
        var problems = new List<ContentDiagnostic>();

        var glossary = GlossaryTerms.Load(Path.Combine(_content.Root, "en/glossary.yml"), "content/en/glossary.yml", problems);

        Assert.Equal(["Biopsy", "Cyst", "Scan"], glossary.Entries.Select(e => e.Term));
        Assert.Collection(problems,
            p => Assert.Equal((6, "'biopsy' is already in the glossary (line 1); keep one entry"), (p.Line, p.Message)),
            p => Assert.Equal((8, "the glossary entry 'Margin' needs both 'term:' and 'definition:'"), (p.Line, p.Message)),
            p => Assert.Equal((10, "unknown glossary key 'colour' (the keys are: term, also, definition)"), (p.Line, p.Message)));
    }
}

/// <summary>The real glossary against the real pages.</summary>
public class RealGlossaryTests
{
    private static readonly PageIndex Index = PageIndex.Build(RepoPaths.Content, new ContentOptions(), includeDrafts: true);

    /// <summary>The medical words the content brief names; each must be explained.</summary>
    [Theory]
    [InlineData("biopsy")] [InlineData("benign")] [InlineData("malignant")] [InlineData("sarcoma")]
    [InlineData("osteosarcoma")] [InlineData("Ewing sarcoma")] [InlineData("chondrosarcoma")] [InlineData("curettage")]
    [InlineData("resection")] [InlineData("margin")] [InlineData("limb-sparing surgery")] [InlineData("endoprosthesis")]
    [InlineData("allograft")] [InlineData("autograft")] [InlineData("chemotherapy")] [InlineData("radiotherapy")]
    [InlineData("anaesthesia")] [InlineData("physiotherapy")] [InlineData("pathological fracture")] [InlineData("metastasis")]
    [InlineData("MRI scan")] [InlineData("CT scan")] [InlineData("PET-CT scan")] [InlineData("multidisciplinary team")]
    [InlineData("osteochondroma")] [InlineData("enchondroma")] [InlineData("giant cell tumour of bone")] [InlineData("osteoid osteoma")]
    [InlineData("aneurysmal bone cyst")] [InlineData("non-ossifying fibroma")] [InlineData("rotationplasty")] [InlineData("epidural")]
    [InlineData("nerve block")] [InlineData("expandable prosthesis")] [InlineData("bone graft")] [InlineData("bone cement")]
    public void The_glossary_explains_every_term_the_brief_names(string term)
    {
        var glossary = Index.GlossaryFor("en");

        var entry = glossary.Entries.FirstOrDefault(e => e.Forms.Any(f => f.Equals(term, StringComparison.OrdinalIgnoreCase)));
        Assert.True(entry is not null, $"the glossary has no entry for '{term}'");
        Assert.EndsWith(".", entry.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void The_glossary_file_has_no_faults_and_every_term_is_used_on_some_page()
    {
        Assert.DoesNotContain(Index.Diagnostics, d => d.File.EndsWith("glossary.yml", StringComparison.Ordinal));
        var glossary = Index.GlossaryFor("en");
        var used = new HashSet<string>();
        foreach (var page in Index.Pages.Where(p => p.Language == "en" && p.PathInLanguage != GlossaryTerms.PageFile))
        {
            foreach (var match in glossary.Matches(File.ReadAllText(page.FullPath))) used.Add(match.Entry.Term);
        }

        var unused = glossary.Entries.Select(e => e.Term).Where(t => !used.Contains(t)).ToList();
        Assert.True(unused.Count == 0, $"glossary terms no page uses: {string.Join(", ", unused)}");
    }
}

public class BengaliGlossaryTests
{
    [Fact]
    public void A_Bengali_term_matches_whole_words_only_and_takes_its_id_from_the_English_in_brackets()
    {
        var biopsy = new GlossaryEntry("বায়োপসি (Biopsy)", ["বায়োপসি"], "একটি পরীক্ষা।", 1);
        var bone = new GlossaryEntry("হাড়", [], "শরীরের কাঠামো।", 3);
        var glossary = new GlossaryTerms([biopsy, bone]);

        Assert.Equal("biopsy", biopsy.Id);
        Assert.StartsWith("term-", bone.Id, StringComparison.Ordinal);
        Assert.Equal(["বায়োপসি"], glossary.Matches("আপনার বায়োপসি হবে।").Select(m => m.Entry.Also[0]));
        // "হাড়ের" (of the bone) goes on past the term with a vowel sign: not a whole-word use.
        Assert.Empty(glossary.Matches("হাড়ের ভেতরে"));
    }
}
