using BoneTumorInfo.Content.Markdown.Links;
using BoneTumorInfo.Content.Markdown.Placeholders;
using BoneTumorInfo.Content.Readability;

namespace BoneTumorInfo.Content.Pages;

/// <summary>A heading in a page's body, with the id the "on this page" list links to.</summary>
public sealed record PageHeading(int Level, string Id, string Text, int Line, int Column);

/// <summary>A <c>:::</c> block in a page: its kind as written, and whether it starts with a heading.</summary>
public sealed record PageBlock(string Kind, bool IsCareCard, bool HasHeading, int Line, int Column);

/// <summary>A page's body, rendered and made safe, plus what navigation and the checker need from it.</summary>
public sealed record RenderedPage(
    PageEntry Entry,
    string Html,
    IReadOnlyList<PageHeading> Headings,
    IReadOnlyList<PageLink> Links,
    ReadingLevel ReadingLevel,
    IReadOnlyList<PageBlock> Blocks)
{
    /// <summary>For a Bengali page, how plain its text is (null for other languages).</summary>
    public BanglaReadingLevel? BanglaReadingLevel { get; init; }

    /// <summary>The h2 headings, in order: the page's "on this page" list.</summary>
    public IEnumerable<PageHeading> Contents => Headings.Where(h => h.Level == 2);

    /// <summary>The service placeholders written in the page, and whether each could be filled.</summary>
    public IReadOnlyList<PagePlaceholder> Placeholders { get; init; } = [];
}
