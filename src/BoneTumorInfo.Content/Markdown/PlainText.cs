using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BoneTumorInfo.Content.Markdown;

/// <summary>The words of a heading, link or paragraph without its Markdown.</summary>
public static class PlainText
{
    public static string Of(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString().Trim();
    }

    public static string Of(LeafBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return Of(block.Inline);
    }

    private static void Append(Inline? inline, StringBuilder text)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, text);
                }

                break;
        }
    }
}
