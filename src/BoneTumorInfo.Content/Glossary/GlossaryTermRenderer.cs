using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BoneTumorInfo.Content.Glossary;

/// <summary>
/// A term the reader can open where they are: a button that toggles a native popover holding
/// the plain definition and a link to the glossary. It needs no script (the popover attribute is
/// HTML), works from the keyboard, and where a browser does not know popovers the definition
/// simply shows in the text.
/// </summary>
public sealed class GlossaryTermRenderer : HtmlObjectRenderer<GlossaryTermInline>
{
    protected override void Write(HtmlRenderer renderer, GlossaryTermInline obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        var id = "term-" + obj.Entry.Id;
        renderer.Write("<button type=\"button\" class=\"glossary-term\" popovertarget=\"").Write(id).Write("\">")
            .WriteEscape(obj.Text)
            .Write("</button><span class=\"glossary-popover\" id=\"").Write(id).Write("\" popover>")
            .Write("<strong>").WriteEscape(obj.Entry.Term).Write(":</strong> ")
            .WriteEscape(obj.Entry.Definition)
            .Write(" <a href=\"").WriteEscapeUrl(obj.GlossaryUrl).Write('#').Write(obj.Entry.Id).Write("\">").WriteEscape(obj.LinkText).Write("</a></span>");
    }
}
