using System.Text.RegularExpressions;

namespace BoneTumorInfo.Content.Pages;

/// <summary>
/// The one place that turns a content file into a site URL and a request path into a page key.
/// A request path is only ever looked up in the page index: no file name is built from it.
/// </summary>
public static partial class ContentPaths
{
    /// <summary>A URL segment as the site writes them: lower-case letters, digits and single hyphens.</summary>
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();

    public static bool IsValidSegment(string segment) => SegmentPattern().IsMatch(segment);

    /// <summary>
    /// The slug of a file relative to its language folder: <c>bone-tumor-surgery/index.md</c> →
    /// <c>bone-tumor-surgery</c>, <c>index.md</c> → "" (the home page).
    /// </summary>
    public static string SlugOf(string relativeToLanguage)
    {
        var path = relativeToLanguage.Replace('\\', '/');
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) path = path[..^3];
        if (path.Equals("index", StringComparison.OrdinalIgnoreCase)) return "";
        if (path.EndsWith("/index", StringComparison.OrdinalIgnoreCase)) path = path[..^6];
        return string.Join('/', path.Split('/').Select(Slugify));
    }

    /// <summary>Editors may name a file "Giant cell tumour.md"; its URL is still a clean slug.</summary>
    public static string Slugify(string name)
    {
        var lowered = name.Trim().ToLowerInvariant();
        var chars = lowered.Select(c => char.IsLetterOrDigit(c) && c < 128 ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    public static string UrlOf(string language, string slug, string defaultLanguage)
    {
        var prefix = language == defaultLanguage ? "" : "/" + language;
        return slug.Length == 0 ? (prefix.Length == 0 ? "/" : prefix) : $"{prefix}/{slug}";
    }

    /// <summary>The slug of the page a slug sits under, or null for the home page.</summary>
    public static string? ParentOf(string slug)
    {
        if (slug.Length == 0) return null;
        var cut = slug.LastIndexOf('/');
        return cut < 0 ? "" : slug[..cut];
    }

    /// <summary>
    /// Splits a request path (already URL-decoded by the server) into language and slug, or
    /// returns false when it could never name a page: anything but clean slug segments
    /// (dots, slashes, backslashes, NUL, upper case, …) is refused here.
    /// </summary>
    public static bool TryParseRequestPath(string? path, IEnumerable<string> languages, string defaultLanguage,
        out string language, out string slug)
    {
        language = defaultLanguage;
        slug = "";
        path ??= "";
        var trimmed = path.Trim('/');
        if (trimmed.Length == 0) return path.Length <= 1;
        var segments = trimmed.Split('/');
        if (!segments.All(IsValidSegment)) return false;

        if (segments[0] != defaultLanguage && languages.Contains(segments[0]))
        {
            language = segments[0];
            segments = segments[1..];
        }

        slug = string.Join('/', segments);
        return true;
    }

    /// <summary>
    /// Resolves a relative path written in a page (<c>../conditions/index.md</c>) against the
    /// folder of that page's file, both relative to the language folder. Null when it climbs
    /// out of the language folder.
    /// </summary>
    public static string? Combine(string fileRelativeToLanguage, string relativeTarget)
    {
        var folder = fileRelativeToLanguage.Replace('\\', '/');
        var cut = folder.LastIndexOf('/');
        var parts = new List<string>(cut < 0 ? [] : folder[..cut].Split('/'));
        foreach (var part in relativeTarget.Replace('\\', '/').Split('/'))
        {
            switch (part)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0) return null;
                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(part);
                    break;
            }
        }

        return string.Join('/', parts);
    }
}
