using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BoneTumorInfo.Content.Markdown.Placeholders;

/// <summary>
/// Writes what <see cref="PlaceholderFiller"/> put inside a placeholder. One it could not fill
/// (an unknown key, or no service profile) writes nothing: a reader never sees braces or a key
/// like "phone.wrd", and the checker reports it at its line and column.
/// </summary>
public sealed class PlaceholderRenderer : HtmlObjectRenderer<PlaceholderInline>
{
    protected override void Write(HtmlRenderer renderer, PlaceholderInline obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        renderer.WriteChildren(obj);
    }
}
