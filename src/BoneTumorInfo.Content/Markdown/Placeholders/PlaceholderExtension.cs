using Markdig;
using Markdig.Renderers;

namespace BoneTumorInfo.Content.Markdown.Placeholders;

/// <summary>
/// Service placeholders: <c>{{ phone.ward }}</c> in a page becomes the ward's number as a
/// tap-to-call link, from <c>content/service.yml</c>. See <see cref="PlaceholderFiller.Known"/>
/// for the keys.
/// </summary>
public sealed class PlaceholderExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.InlineParsers.AddIfNotAlready<PlaceholderParser>();
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<PlaceholderRenderer>();
        }
    }
}
