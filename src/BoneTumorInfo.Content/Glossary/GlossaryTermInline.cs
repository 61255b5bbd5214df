using Markdig.Syntax.Inlines;

namespace BoneTumorInfo.Content.Glossary;

/// <summary>The first use of a glossary term in a page, as written there ("biopsies").</summary>
public sealed class GlossaryTermInline(string text, GlossaryEntry entry, string glossaryUrl) : LeafInline
{
    public string Text { get; } = text;

    public GlossaryEntry Entry { get; } = entry;

    public string GlossaryUrl { get; } = glossaryUrl;
}
