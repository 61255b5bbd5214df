using BoneTumorInfo.Content.Checks;
using BoneTumorInfo.Content.Pages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Content.Tests;

/// <summary>
/// Folders that cannot be read and links that lead out of the content folder. The tests run as
/// root, so "cannot be listed" is a link that loops back on itself (the system refuses to follow
/// it), not a folder without permission.
/// </summary>
public sealed class ContentFilesTests : IDisposable
{
    private readonly TempContent _content = new();

    /// <summary>A folder beside content/ (inside the test's own temp folder): outside the content root.</summary>
    private readonly string _outside;

    public ContentFilesTests()
    {
        _outside = Path.Combine(Path.GetDirectoryName(_content.Root)!, "outside");
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.md"), TestPages.Page("Secret"));
        File.WriteAllText(Path.Combine(_outside, "secret.png"), "not really a picture");
        _content
            .Write("en/index.md", TestPages.Page("Home"))
            .Write("en/about.md", TestPages.Page("About"));
    }

    public void Dispose() => _content.Dispose();

    private string At(string relative) => Path.Combine(_content.Root, relative);

    private PageIndex Build() => PageIndex.Build(_content.Root, new ContentOptions(), includeDrafts: true);

    [Fact]
    public void A_folder_that_cannot_be_listed_is_one_error_naming_it_and_every_other_page_stays_up()
    {
        Directory.CreateSymbolicLink(At("en/loop"), At("en/loop"));

        var index = Build();

        Assert.Equal(["", "about"], index.Pages.Select(p => p.Slug).Order(StringComparer.Ordinal));
        var problem = Assert.Single(index.FolderProblems);
        Assert.Equal("content/en/loop", problem.File);
        Assert.True(problem.IsError);
        Assert.Contains(problem, index.Diagnostics);
    }

    [Fact]
    public void Two_folder_links_that_point_at_each_other_are_reported_and_do_not_stop_the_index()
    {
        Directory.CreateSymbolicLink(At("en/a"), At("en/b"));
        Directory.CreateSymbolicLink(At("en/b"), At("en/a"));

        var index = Build();

        Assert.Equal(2, index.Pages.Count);
        Assert.Equal(["content/en/a", "content/en/b"], index.FolderProblems.Select(p => p.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_checker_names_an_unreadable_folder_and_goes_on_checking()
    {
        Directory.CreateSymbolicLink(At("en/loop"), At("en/loop"));

        var report = ContentChecker.CheckFolder(_content.Root, new ContentOptions(), new DateOnly(2026, 11, 23));

        Assert.Equal(2, report.PageCount);
        Assert.Contains(report.Diagnostics, d => d.IsError && d.File == "content/en/loop");
    }

    [Fact]
    public void The_store_keeps_serving_pages_and_says_what_is_wrong_for_the_readiness_check()
    {
        Directory.CreateSymbolicLink(At("en/loop"), At("en/loop"));
        using var store = new ContentStore(Options.Create(new ContentOptions { RootPath = _content.Root }), NullLogger<ContentStore>.Instance);

        Assert.NotNull(store.Index.Find("en", "about"));
        Assert.Contains(store.Problems, p => p.File == "content/en/loop");
    }

    [Fact]
    public void A_folder_link_to_outside_the_content_folder_is_never_read_and_is_reported()
    {
        Directory.CreateSymbolicLink(At("en/leak"), _outside);

        var index = Build();

        Assert.Null(index.Find("en", "leak/secret"));
        Assert.DoesNotContain(index.Pages, p => p.Title == "Secret");
        var problem = Assert.Single(index.FolderProblems);
        Assert.Equal("content/en/leak", problem.File);
        Assert.Contains("outside the content folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_link_to_the_file_system_root_is_never_walked()
    {
        Directory.CreateSymbolicLink(At("en/everything"), "/");

        var index = Build();

        Assert.Equal(2, index.Pages.Count);
        Assert.Contains(index.FolderProblems, p => p.File == "content/en/everything");
    }

    [Fact]
    public void A_page_file_that_links_outside_the_content_folder_is_not_a_page_and_is_reported()
    {
        File.CreateSymbolicLink(At("en/leak.md"), Path.Combine(_outside, "secret.md"));

        var index = Build();

        Assert.Null(index.Find("en", "leak"));
        Assert.Contains(index.FolderProblems, p => p.File == "content/en/leak.md" && p.IsError);
    }

    [Fact]
    public void An_image_file_that_links_outside_is_reported_by_the_checker()
    {
        Directory.CreateDirectory(At("en/images"));
        File.CreateSymbolicLink(At("en/images/leak.png"), Path.Combine(_outside, "secret.png"));

        var report = ContentChecker.CheckFolder(_content.Root, new ContentOptions(), new DateOnly(2026, 11, 23));

        Assert.Contains(report.Diagnostics, d => d.IsError && d.File == "content/en/images/leak.png" && d.Message.Contains("outside the content folder", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_that_stays_inside_the_content_folder_is_followed()
    {
        Directory.CreateDirectory(At("shared"));
        File.WriteAllText(At("shared/team.md"), TestPages.Page("Team"));
        Directory.CreateSymbolicLink(At("en/team"), At("shared"));

        var index = Build();

        Assert.Equal("Team", index.Find("en", "team/team")?.Title);
        Assert.Empty(index.FolderProblems);
    }

    [Theory]
    [InlineData("en/about.md", true)]
    [InlineData("en/../en/about.md", true)]
    [InlineData("en/missing.png", false)]
    [InlineData("../outside/secret.png", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("en", false)]
    [InlineData("", false)]
    public void Only_an_existing_file_inside_the_content_folder_resolves(string relative, bool inside)
    {
        Assert.Equal(inside, ContentFiles.TryResolveInside(_content.Root, relative, out var fullPath));
        Assert.Equal(inside, fullPath is not null);
    }

    [Fact]
    public void A_file_reached_through_a_link_to_outside_does_not_resolve()
    {
        Directory.CreateDirectory(At("en/images"));
        File.CreateSymbolicLink(At("en/images/leak.png"), Path.Combine(_outside, "secret.png"));
        Directory.CreateSymbolicLink(At("en/pictures"), _outside);

        Assert.False(ContentFiles.TryResolveInside(_content.Root, "en/images/leak.png", out _));
        Assert.False(ContentFiles.TryResolveInside(_content.Root, "en/pictures/secret.png", out _));
        Assert.False(ContentFiles.TryResolveInside(At("en"), "../../outside/secret.png", out _));
    }
}
