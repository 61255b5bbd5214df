using Markdig;
using Markdig.Renderers;

namespace BoneTumorInfo.Content.Glossary;

/// <summary>Renders glossary terms that <see cref="GlossaryMarker"/> placed in a parsed page.</summary>
public sealed class GlossaryExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<GlossaryTermRenderer>();
        }
    }
}
