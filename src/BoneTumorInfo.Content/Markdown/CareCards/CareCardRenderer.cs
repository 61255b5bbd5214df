using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace BoneTumorInfo.Content.Markdown.CareCards;

/// <summary>
/// Renders a care card as an <c>aside</c> landmark named by its own heading (the NHS care-card
/// pattern): the heading states the action, the body lists when to take it.
/// A container of any other kind renders as a plain <c>div</c>; the checker reports it.
/// </summary>
public sealed class CareCardRenderer : HtmlObjectRenderer<CustomContainer>
{
    protected override void Write(HtmlRenderer renderer, CustomContainer obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        var kind = KindOf(obj);
        if (kind is null)
        {
            renderer.EnsureLine().Write("<div>").WriteLine();
            renderer.WriteChildren(obj);
            renderer.EnsureLine().Write("</div>").WriteLine();
            return;
        }

        var heading = obj.Count > 0 ? obj[0] as HeadingBlock : null;
        var id = heading?.TryGetAttributes()?.Id;
        renderer.EnsureLine().Write($"<aside class=\"care-card care-card--{kind}\"");
        if (id is not null) renderer.Write(" aria-labelledby=\"").WriteEscape(id).Write('"');
        renderer.Write('>').WriteLine();

        var start = 0;
        if (heading is not null)
        {
            var level = Math.Clamp(heading.Level, 2, 6);
            renderer.Write("<div class=\"care-card__heading\">");
            renderer.Write($"<h{level}");
            if (id is not null) renderer.Write(" id=\"").WriteEscape(id).Write('"');
            renderer.Write(" class=\"care-card__title\">");
            renderer.WriteLeafInline(heading);
            renderer.Write($"</h{level}></div>").WriteLine();
            start = 1;
        }

        renderer.Write("<div class=\"care-card__content\">").WriteLine();
        for (var i = start; i < obj.Count; i++)
        {
            renderer.Write(obj[i]);
        }

        renderer.EnsureLine().Write("</div>").WriteLine();
        renderer.Write("</aside>").WriteLine();
    }

    /// <summary>"non-urgent", "urgent" or "emergency", or null for a container kind the site does not know.</summary>
    public static string? KindOf(CustomContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var kind = container.Info?.Trim().ToLowerInvariant() ?? "";
        return CareCardExtension.Kinds.Contains(kind) ? kind : null;
    }
}
