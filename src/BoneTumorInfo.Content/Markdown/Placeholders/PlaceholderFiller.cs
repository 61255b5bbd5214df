using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Content.Service;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;
using Markdig.Syntax;

namespace BoneTumorInfo.Content.Markdown.Placeholders;

/// <summary>What became of one placeholder in a page.</summary>
public enum PlaceholderStatus
{
    /// <summary>Shows the service's detail.</summary>
    Filled,

    /// <summary>Not a key the site knows (a typing slip like <c>phone.wrd</c>); shows nothing.</summary>
    Unknown,

    /// <summary>A known key, but there is no service profile to fill it from; shows nothing.</summary>
    NoProfile,

    /// <summary>A <c>{{</c> with no <c>}}</c> after it on the same line; the braces show as typed.</summary>
    Unclosed,
}

/// <summary>A placeholder written in a page, where it is (1-based line and column) and what became of it.</summary>
public sealed record PagePlaceholder(string Written, string Key, int Line, int Column, PlaceholderStatus Status);

/// <summary>
/// Puts the service's details into a parsed page's placeholders, in the page's language. Done
/// after parsing (not by the parser) so the one shared pipeline stays free of per-site state,
/// and heading ids do not change when a number does.
/// </summary>
public static class PlaceholderFiller
{
    /// <summary>Every placeholder key, with what it shows. The editors' guide lists the same keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = BuildKnown();

    /// <summary>Fills every placeholder in <paramref name="document"/>; returns each one, and every unclosed <c>{{</c>.</summary>
    public static IReadOnlyList<PagePlaceholder> Fill(MarkdownDocument document, ServiceProfile? profile, string language)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = new List<PagePlaceholder>();
        foreach (var placeholder in document.Descendants<PlaceholderInline>().ToList())
        {
            var status = !Known.ContainsKey(placeholder.Key) ? PlaceholderStatus.Unknown
                : profile is null ? PlaceholderStatus.NoProfile
                : PlaceholderStatus.Filled;
            if (status == PlaceholderStatus.Filled) FillOne(placeholder, profile!, language);
            found.Add(new PagePlaceholder(placeholder.Written, placeholder.Key, placeholder.Line + 1, placeholder.Column + 1, status));
        }

        foreach (var literal in document.Descendants<LiteralInline>())
        {
            var text = literal.Content.AsSpan();
            var at = text.IndexOf("{{", StringComparison.Ordinal);
            if (at < 0 || literal.Parent is PlaceholderInline) continue;
            found.Add(new PagePlaceholder(text[at..].ToString(), "", literal.Line + 1, literal.Column + at + 1, PlaceholderStatus.Unclosed));
        }

        return found.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
    }

    private static void FillOne(PlaceholderInline placeholder, ServiceProfile profile, string language)
    {
        // A link written around a placeholder keeps its own target: a link inside a link is not allowed.
        var inLink = placeholder.FirstParentOfType<LinkInline>() is not null;
        var parts = placeholder.Key.Split('.');
        switch (parts)
        {
            case ["service", "name"]:
                Text(placeholder, profile.Name.In(language));
                break;
            case ["service", "hospital"]:
                Text(placeholder, profile.Hospital.In(language));
                break;
            case ["service", "address"]:
                Text(placeholder, profile.AddressOnOneLine(language));
                break;
            case ["service", "callback"]:
                Text(placeholder, LocalDigits.In(language, profile.Callback.In(language)));
                break;
            case ["service", "email"]:
                Link(placeholder, inLink, "mailto:" + profile.Email, profile.Email, "service-email");
                break;
            case ["service", "map"]:
                Link(placeholder, inLink, profile.Map.AbsoluteUri, LanguageText.For(language).MapLink, "service-map");
                break;
            case ["phone", var key]:
                var phone = profile.Phone(key)!;
                Link(placeholder, inLink, phone.Href, phone.Display(language), "phone-number");
                break;
            case ["phone", var key, "hours"]:
                Text(placeholder, profile.Phone(key)!.Hours.Describe(language));
                break;
        }
    }

    private static void Text(PlaceholderInline placeholder, string text) =>
        placeholder.AppendChild(new LiteralInline(text) { Line = placeholder.Line, Column = placeholder.Column, IsClosed = true });

    private static void Link(PlaceholderInline placeholder, bool inLink, string url, string text, string cssClass)
    {
        if (inLink)
        {
            Text(placeholder, text);
            return;
        }

        var link = new LinkInline(url, "") { Line = placeholder.Line, Column = placeholder.Column, IsClosed = true };
        link.GetAttributes().AddClass(cssClass);
        link.AppendChild(new LiteralInline(text) { Line = placeholder.Line, Column = placeholder.Column, IsClosed = true });
        placeholder.AppendChild(link);
    }

    private static Dictionary<string, string> BuildKnown()
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["service.name"] = "the service's name",
            ["service.hospital"] = "the hospital's name",
            ["service.address"] = "the hospital's address, on one line",
            ["service.email"] = "the service's e-mail address, as a link that starts an e-mail",
            ["service.callback"] = "how soon the team calls back after an appointment request",
            ["service.map"] = "a link to the hospital on OpenStreetMap",
        };
        foreach (var line in ServiceProfileReader.PhoneKeys)
        {
            known[$"phone.{line}"] = $"the {line} number, as a link that calls it";
            known[$"phone.{line}.hours"] = $"when the {line} line is answered";
        }

        return known;
    }
}
