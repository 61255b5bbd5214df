using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;

namespace BoneTumorInfo.Content.Markdown.CareCards;

/// <summary>
/// Care cards for urgent help, written by editors as a fenced block:
/// <code>
/// ::: urgent
/// ### Call your surgical team the same day if
/// - you have a temperature of 38°C or higher
/// :::
/// </code>
/// The kinds are <c>non-urgent</c> (contact your team in working hours), <c>urgent</c> (call
/// your team today or now) and <c>emergency</c> (call 999). Only the block
/// form of Markdig's custom containers is enabled: the inline <c>::text::</c> form is not.
/// </summary>
public sealed class CareCardExtension : IMarkdownExtension
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "non-urgent", "urgent", "emergency" };

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.BlockParsers.AddIfNotAlready<CustomContainerParser>();
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<CareCardRenderer>();
        }
    }
}
