using BoneTumorInfo.Content.Languages;
using Markdig.Syntax.Inlines;
using Markdig.Syntax;

namespace BoneTumorInfo.Content.Glossary;

/// <summary>
/// Marks the first use of each glossary term in a page's running text. Headings (care-card
/// headings too), links and code are left alone (a control inside them would be confusing or invalid),
/// and later uses stay plain so the text does not fill up with buttons.
/// </summary>
public static class GlossaryMarker
{
    public static void Mark(MarkdownDocument document, GlossaryTerms glossary, string glossaryUrl, string language = "en")
    {
        var linkText = LanguageText.For(language).GlossaryMoreWords;
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(glossary);
        if (glossary.Entries.Count == 0) return;
        var used = new HashSet<GlossaryEntry>();
        var literals = document.Descendants<LiteralInline>().Where(IsRunningText).ToList();
        foreach (var literal in literals)
        {
            MarkLiteral(literal, glossary, glossaryUrl, linkText, used);
        }
    }

    /// <summary>Text in a paragraph (including list items, tables and care-card bodies), not inside a link.</summary>
    private static bool IsRunningText(LiteralInline literal)
    {
        Inline root = literal;
        while (root.Parent is not null)
        {
            // Not inside a link, nor inside the service's own details (its name is not a medical term).
            if (root.Parent is LinkInline or Markdown.Placeholders.PlaceholderInline) return false;
            root = root.Parent;
        }

        return (root as ContainerInline)?.ParentBlock is ParagraphBlock;
    }

    private static void MarkLiteral(LiteralInline literal, GlossaryTerms glossary, string glossaryUrl, string linkText, HashSet<GlossaryEntry> used)
    {
        var text = literal.Content.ToString();
        var match = glossary.Matches(text).FirstOrDefault(m => !used.Contains(m.Entry));
        if (match.Entry is null) return;
        used.Add(match.Entry);

        var before = text[..match.Index];
        var after = text[(match.Index + match.Length)..];
        var term = new GlossaryTermInline(text.Substring(match.Index, match.Length), match.Entry, glossaryUrl, linkText);
        var rest = new LiteralInline(after);

        literal.Content = new Markdig.Helpers.StringSlice(before);
        literal.InsertAfter(term);
        term.InsertAfter(rest);
        if (after.Length > 0) MarkLiteral(rest, glossary, glossaryUrl, linkText, used);
    }
}
