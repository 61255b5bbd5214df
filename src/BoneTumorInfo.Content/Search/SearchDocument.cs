using System.Text;
using System.Text.RegularExpressions;
using BoneTumorInfo.Content.Markdown;
using BoneTumorInfo.Content.Pages;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace BoneTumorInfo.Content.Search;

/// <summary>
/// A page as the search index sees it: who it is, and its words by weight (title, headings,
/// description, body). The body keeps its paragraphs on separate lines, for extracts.
/// </summary>
public sealed record SearchDocument(string Language, string Slug, string Url, string Title, string Description, string Headings)
{
    private readonly byte[] _body = [];

    public SearchDocument(string language, string slug, string url, string title, string description, string headings, string body)
        : this(language, slug, url, title, description, headings)
    {
        Body = body;
    }

    /// <summary>
    /// The page's text, kept compressed (UTF-8, brotli at its fastest level): the search service
    /// keeps every page's document between builds, and as UTF-16 strings the bodies were most of
    /// the memory at 10,000 pages. It is read back when the index is built and for the few hits'
    /// extracts.
    /// </summary>
    public string Body
    {
        get => SearchText.Unpack(_body);
        init => _body = SearchText.Pack(value);
    }
}

/// <summary>Reads a page's Markdown into a <see cref="SearchDocument"/>: text only, never HTML.</summary>
public static partial class SearchDocuments
{
    // Only what the words need: no sanitiser, no link rewriting, no glossary markup.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseCustomContainers()
        .DisableHtml()
        .Build();

    public static SearchDocument From(PageEntry entry, string markdown, Glossary.GlossaryTerms? glossary = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var document = Markdig.Markdown.Parse(markdown ?? "", Pipeline);
        var headings = new StringBuilder();
        var body = new StringBuilder();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            switch (block)
            {
                case YamlFrontMatterBlock:
                    continue;
                case HeadingBlock heading:
                    headings.AppendLine(Clean(PlainText.Of(heading)));
                    break;
                case ParagraphBlock paragraph:
                    body.AppendLine(Clean(PlainText.Of(paragraph)));
                    break;
                case CodeBlock code:
                    body.AppendLine(Clean(code.Lines.ToString()));
                    break;
            }
        }

        // The glossary page's entries are added by the renderer, not written in its Markdown.
        if (entry.PathInLanguage == Glossary.GlossaryTerms.PageFile && glossary is not null)
        {
            foreach (var item in glossary.Entries)
            {
                headings.AppendLine(item.Term);
                body.Append(item.Term).Append(": ").AppendLine(item.Definition);
            }
        }

        return new SearchDocument(entry.Language, entry.Slug, entry.Url, entry.Title, entry.FrontMatter?.Description ?? "",
            headings.ToString().Trim(), body.ToString().Trim());
    }

    /// <summary>Service placeholders (<c>{{ phone.ward }}</c>) are not words a reader searches for.</summary>
    private static string Clean(string text) => Placeholder().Replace(text, " ").Trim();

    [GeneratedRegex(@"\{\{[^{}]*\}\}")]
    private static partial Regex Placeholder();
}
