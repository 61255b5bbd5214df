using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.FrontMatter;

namespace BoneTumorInfo.Content.Pages;

/// <summary>One Markdown file in the page index: who it is, and what its front matter said.</summary>
public sealed record PageEntry(
    string Language,
    string Slug,
    string Url,
    string PathInLanguage,
    string FullPath,
    string DisplayPath,
    PageFrontMatter? FrontMatter,
    IReadOnlyList<ContentDiagnostic> Diagnostics)
{
    /// <summary>
    /// The front matter could not be read, or the body cannot be rendered: readers get "this page
    /// is being updated".
    /// </summary>
    public bool IsBroken => FrontMatter is null || !CanRender;

    /// <summary>
    /// False when the file could not be read or is past <see cref="PageLimits"/> (too large, nested
    /// too deeply): its body is never parsed, by the site or the checker.
    /// </summary>
    public bool CanRender { get; init; } = true;

    /// <summary>
    /// Hidden from readers (404 when preview is off). For a page whose front matter could not be
    /// read, this is what a lenient look at its top said (<see cref="SaysDraft"/>), so a broken
    /// draft is not shown to readers as "being updated".
    /// </summary>
    public bool IsDraft => FrontMatter?.Draft ?? SaysDraft;

    /// <summary>The file's top says <c>draft: true</c>, read leniently (see <c>FrontMatterReader.SaysDraft</c>).</summary>
    public bool SaysDraft { get; init; }

    public string Title => FrontMatter?.Title ?? Slug;

    public int Order => FrontMatter?.Order ?? 0;

    /// <summary>True for a folder's index.md: it stands for the folder.</summary>
    public bool IsFolderPage => Path.GetFileNameWithoutExtension(PathInLanguage).Equals("index", StringComparison.OrdinalIgnoreCase);
}
