using BoneTumorInfo.Content.Pages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Content.Tests;

/// <summary>
/// When one file changes, the index reads that file again and keeps every other page's entry:
/// at thousands of pages a whole re-read took over a second. The result must be the index a
/// full build would give (addresses, sections and their order, problems).
/// </summary>
public sealed class IncrementalIndexTests : IDisposable
{
    private const int PageCount = 1000;

    private readonly TempContent _content = new();

    public IncrementalIndexTests()
    {
        _content.Write("en/index.md", TestPages.Page("Home"));
        _content.Write("en/guides/index.md", TestPages.Page("Guides", order: 1, extra: "steps: true\n"));
        for (var i = 0; i < PageCount; i++)
        {
            _content.Write($"en/guides/page-{i:0000}.md", TestPages.Page($"Page {i:0000}", order: i + 10));
        }

        _content.Write("bn/index.md", TestPages.Page("হোম"));
    }

    public void Dispose() => _content.Dispose();

    private PageIndex Build() => PageIndex.Build(_content.Root, new ContentOptions(), includeDrafts: false);

    /// <summary>Everything a reader or the checker can see of an index, in order.</summary>
    private static string Describe(PageIndex index)
    {
        var lines = new List<string>();
        foreach (var entry in index.Pages.OrderBy(p => p.Language, StringComparer.Ordinal).ThenBy(p => p.Slug, StringComparer.Ordinal))
        {
            var (previous, next) = index.PreviousNext(entry);
            lines.Add($"{entry.Url} {entry.Title} draft={entry.IsDraft} broken={entry.IsBroken} children=[{string.Join(",", index.ChildrenOf(entry).Select(c => c.Slug))}] prev={previous?.Slug} next={next?.Slug}");
        }

        lines.AddRange(index.Diagnostics.Select(d => $"{d.File}:{d.Line} {d.Message}"));
        return string.Join("\n", lines);
    }

    [Fact]
    public void Editing_one_page_reads_only_that_file_and_re_orders_its_section()
    {
        var before = Build();
        Assert.Equal(PageCount + 3, before.FilesRead);
        // Moved to the front of its section by its order.
        _content.Write("en/guides/page-0500.md", TestPages.Page("Moved to the front", order: 1));

        var after = before.Update(["en/guides/page-0500.md"])!;

        Assert.Equal(1, after.FilesRead);
        Assert.Equal("Moved to the front", after.Find("en", "guides/page-0500")!.Title);
        Assert.Equal("guides/page-0500", after.ChildrenOf(after.Find("en", "guides")!)[0].Slug);
        // Every other page is the very entry read before, not a new reading of its file.
        Assert.Same(before.Find("en", "guides/page-0499"), after.Find("en", "guides/page-0499"));
        Assert.Equal(Describe(Build()), Describe(after));
        // The index it was made from is left as it was (a request may still be using it).
        Assert.Equal("Page 0500", before.Find("en", "guides/page-0500")!.Title);
    }

    [Fact]
    public void Adding_a_page_reads_only_the_new_file()
    {
        var before = Build();
        _content.Write("en/guides/new-page.md", TestPages.Page("New page", order: 5000));

        var after = before.Update(["en/guides/new-page.md"])!;

        Assert.Equal(1, after.FilesRead);
        Assert.Equal("guides/new-page", after.ChildrenOf(after.Find("en", "guides")!)[^1].Slug);
        Assert.Equal(Describe(Build()), Describe(after));
    }

    [Fact]
    public void Deleting_a_page_reads_no_file_and_closes_the_gap_in_its_steps()
    {
        var before = Build();
        File.Delete(Path.Combine(_content.Root, "en/guides/page-0001.md"));

        var after = before.Update(["en/guides/page-0001.md"])!;

        Assert.Equal(0, after.FilesRead);
        Assert.Null(after.Find("en", "guides/page-0001"));
        Assert.Equal("guides/page-0002", after.PreviousNext(after.Find("en", "guides/page-0000")!).Next!.Slug);
        Assert.Equal(Describe(Build()), Describe(after));
    }

    [Fact]
    public void A_page_turned_into_a_draft_a_broken_page_and_a_clashing_address_come_out_as_a_full_build_would()
    {
        var before = Build();
        _content.Write("en/guides/page-0002.md", TestPages.Page("Now a draft", order: 12, extra: "draft: true\n"));
        _content.Write("en/guides/page-0003.md", "---\ntitle: Broken\ncolour: blue\n---\nText.\n");
        _content.Write("en/guides/page-0004/index.md", TestPages.Page("Same address", order: 1));

        // A new folder is a change the index cannot take in piecemeal: it asks for a full build.
        Assert.Null(before.Update(["en/guides/page-0004"]));
        var after = before.Update(["en/guides/page-0002.md", "en/guides/page-0003.md"])!;

        Assert.Equal(2, after.FilesRead);
        Assert.Null(after.Find("en", "guides/page-0002"));
        Assert.True(after.Find("en", "guides/page-0003")!.IsBroken);
        File.Delete(Path.Combine(_content.Root, "en/guides/page-0004/index.md"));
        Directory.Delete(Path.Combine(_content.Root, "en/guides/page-0004"));
        Assert.Equal(Describe(Build()), Describe(after));
    }

    [Fact]
    public void A_changed_file_reached_through_a_link_asks_for_a_full_build_which_keeps_links_inside()
    {
        var outside = Path.Combine(Path.GetDirectoryName(_content.Root)!, "outside.md");
        File.WriteAllText(outside, TestPages.Page("Outside"));
        var before = Build();
        File.CreateSymbolicLink(Path.Combine(_content.Root, "en/guides/leak.md"), outside);

        Assert.Null(before.Update(["en/guides/leak.md"]));
        Assert.Null(Build().Find("en", "guides/leak"));
    }

    [Fact]
    public void Notes_kept_aside_and_other_files_change_nothing()
    {
        var before = Build();
        _content.Write("en/guides/_notes.md", TestPages.Page("Notes"));
        _content.Write("en/guides/photo.png", "not really a picture");

        var after = before.Update(["en/guides/_notes.md", "en/guides/photo.png", "service.yml"])!;

        Assert.Equal(0, after.FilesRead);
        Assert.Equal(Describe(before), Describe(after));
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("add")]
    [InlineData("delete")]
    public async Task The_store_sees_a_change_and_reads_only_the_changed_file(string change)
    {
        using var store = new ContentStore(Options.Create(new ContentOptions { RootPath = _content.Root }), NullLogger<ContentStore>.Instance);
        var before = store.Index;
        Assert.Equal(PageCount + 3, store.PageFilesRead);
        var rendered = store.Render(before.Find("en", "guides/page-0100")!);

        Func<PageIndex, bool> seen;
        switch (change)
        {
            case "edit":
                _content.Write("en/guides/page-0007.md", TestPages.Page("Edited title", order: 17));
                seen = index => index.Find("en", "guides/page-0007")?.Title == "Edited title";
                break;
            case "add":
                _content.Write("en/guides/added.md", TestPages.Page("Added page", order: 5000));
                seen = index => index.Find("en", "guides/added") is not null;
                break;
            default:
                File.Delete(Path.Combine(_content.Root, "en/guides/page-0007.md"));
                seen = index => index.Find("en", "guides/page-0007") is null;
                break;
        }

        var after = await Poll.Until(() => Task.FromResult(store.Index), seen, TimeSpan.FromSeconds(15));

        Assert.True(seen(after), $"the store did not see the {change}");
        // One save can reach the watcher as more than one event (created, then written): a few
        // reads of the one file at most, never the other thousand.
        Assert.InRange(store.PageFilesRead - (PageCount + 3), 0, 3);
        Assert.Same(before.Find("en", "guides/page-0100"), after.Find("en", "guides/page-0100"));
        // Other pages' rendered bodies are kept too.
        Assert.Same(rendered, store.Render(after.Find("en", "guides/page-0100")!));
    }
}
