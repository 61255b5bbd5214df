using Markdig.Syntax.Inlines;

namespace BoneTumorInfo.Content.Markdown.Placeholders;

/// <summary>
/// A <c>{{ key }}</c> written in a page. After parsing it is empty; <see cref="PlaceholderFiller"/>
/// puts the service's detail inside it (text, or a link), so everything that reads a page's
/// inlines (the reading-level meter, heading text, the glossary) sees the words a reader sees.
/// </summary>
public sealed class PlaceholderInline : ContainerInline
{
    public PlaceholderInline(string key, string written)
    {
        Key = key;
        Written = written;
        IsClosed = true;
    }

    /// <summary>The key in lower case, without braces or spaces: <c>phone.ward</c>.</summary>
    public string Key { get; }

    /// <summary>Exactly as the editor wrote it, braces included, for messages.</summary>
    public string Written { get; }
}
