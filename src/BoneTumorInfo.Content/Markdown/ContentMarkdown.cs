using BoneTumorInfo.Content.Glossary;
using BoneTumorInfo.Content.Markdown.CareCards;
using BoneTumorInfo.Content.Markdown.Placeholders;
using Markdig;

namespace BoneTumorInfo.Content.Markdown;

/// <summary>The site's one Markdig pipeline. Built once: a built pipeline is thread-safe.</summary>
public static class ContentMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = Build();

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder
        {
            // Line and column of every node, so the checker can point at the exact spot.
            PreciseSourceLocation = true,
        }
            .UseYamlFrontMatter()
            .Use<HeadingIds>()
            .UsePipeTables()
            .DisableHtml();
        builder.Extensions.AddIfNotAlready<CareCardExtension>();
        builder.Extensions.AddIfNotAlready<GlossaryExtension>();
        builder.Extensions.AddIfNotAlready<PlaceholderExtension>();
        return builder.Build();
    }
}
