using Markdig.Syntax.Inlines;

namespace BoneTumorInfo.Content.Glossary;

/// <summary>The first use of a glossary term in a page, as written there ("biopsies").</summary>
public sealed class GlossaryTermInline(string text, GlossaryEntry entry, string glossaryUrl, string linkText) : LeafInline
{
    /// <summary>The words of the link to the glossary page, in the page's language.</summary>
    public string LinkText { get; } = linkText;

    public string Text { get; } = text;

    public GlossaryEntry Entry { get; } = entry;

    public string GlossaryUrl { get; } = glossaryUrl;
}
