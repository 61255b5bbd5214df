using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Content.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace BoneTumorInfo.Content.Tests.Search;

/// <summary>The index of real pages, and rebuilding it when files change.</summary>
public sealed class SearchServiceTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    private static PageIndex Pages(string root) => PageIndex.Build(root, new ContentOptions { RootPath = root }, includeDrafts: false);

    [Fact]
    public void Before_the_first_build_a_search_finds_nothing_rather_than_failing()
    {
        using var search = new SearchService(NullLogger<SearchService>.Instance);

        Assert.False(search.IsReady);
        Assert.Empty(search.Search("en", "tumour").Hits);
    }

    [Fact]
    public void The_site_s_own_pages_are_found_in_both_languages()
    {
        using var search = new SearchService(NullLogger<SearchService>.Instance);
        search.Rebuild(Pages(RepoPaths.Content));

        Assert.Contains("/conditions/malignant-bone-tumours", search.Search("en", "osteosarcoma").Hits.Select(h => h.Document.Url));
        Assert.Contains("/bn/conditions/malignant-bone-tumours", search.Search("bn", "অস্টিওসারকোমা").Hits.Select(h => h.Document.Url));
        Assert.Contains("/bn/conditions/malignant-bone-tumours", search.Search("bn", "Osteosarcoma").Hits.Select(h => h.Document.Url));
        Assert.Contains("/glossary", search.Search("en", "allograft").Hits.Select(h => h.Document.Url));
    }

    [Fact]
    public void Drafts_placeholders_and_front_matter_are_not_searchable()
    {
        _content.Write("en/index.md", TestPages.Page("Home", body: "Call {{ phone.ward }} at night."))
            .Write("en/secret.md", TestPages.Page("Secret plan", body: "Unpublished words.", extra: "draft: true\n"));
        using var search = new SearchService(NullLogger<SearchService>.Instance);
        search.Rebuild(Pages(_content.Root));

        Assert.Empty(search.Search("en", "unpublished").Hits);
        Assert.Empty(search.Search("en", "phone ward").Hits);
        Assert.Empty(search.Search("en", "reviewed_by").Hits);
        Assert.Single(search.Search("en", "night").Hits);
    }

    [Fact]
    public void A_rebuild_reads_only_the_files_that_changed()
    {
        _content.Write("en/index.md", TestPages.Page("Home"))
            .Write("en/one.md", TestPages.Page("One", body: "Apples."))
            .Write("en/two.md", TestPages.Page("Two", body: "Pears."));
        using var search = new SearchService(NullLogger<SearchService>.Instance);
        search.Rebuild(Pages(_content.Root));
        Assert.Equal(3, search.LastBuildReadCount);

        _content.Write("en/two.md", TestPages.Page("Two", body: "Plums, not pears."));
        File.SetLastWriteTimeUtc(Path.Combine(_content.Root, "en/two.md"), DateTime.UtcNow.AddMinutes(1));
        search.Rebuild(Pages(_content.Root));

        Assert.Equal(1, search.LastBuildReadCount);
        Assert.Single(search.Search("en", "plums").Hits);
        Assert.Single(search.Search("en", "apples").Hits);
    }
}
