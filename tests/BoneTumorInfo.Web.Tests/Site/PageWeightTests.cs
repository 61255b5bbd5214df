using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Site;

/// <summary>Bytes matter on slow mobile data: pages carry no needless weight.</summary>
public sealed partial class PageWeightTests : IDisposable
{
    private const string BengaliWord = "বাংলা";

    private readonly TempContentSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Bengali_text_is_sent_as_itself_not_as_numeric_character_references()
    {
        const string Title = "হাড়ের টিউমার";
        _site.Write("bn/index.md", TestPages.Page(Title));

        var html = await _site.CreateClient().GetStringAsync(new Uri("/bn", UriKind.Relative));

        Assert.Contains($"<h1>{Title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{Title} –", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x9", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_characters_in_a_title_are_still_escaped()
    {
        _site.Write("en/guide.md", TestPages.Page("\"Less <b>than</b> & more\"", order: 1));

        var html = await _site.CreateClient().GetStringAsync(new Uri("/guide", UriKind.Relative));

        Assert.DoesNotContain("<b>than</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;than&lt;/b&gt; &amp; more", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Bengali_web_font_is_small_and_fetched_only_to_draw_Bengali_characters()
    {
        var client = _site.CreateClient();
        var (_, page) = await client.GetPage("/");
        var (stylesheet, css) = await StylesheetOf(client, page);

        var face = Assert.Single(FontFaces(css));
        Assert.Matches(@"font-display:\s*swap", face.Body);
        Assert.Contains("local(\"Noto Sans Bengali\")", face.Body, StringComparison.Ordinal);
        // Nothing an English page draws is in the range: no Latin letter, digit, space or punctuation.
        Assert.NotEmpty(face.Ranges);
        Assert.All(face.Ranges, r => Assert.True(r.From >= 0x0900, $"unicode-range U+{r.From:X4}-{r.To:X4} reaches below the Indic blocks"));
        Assert.Contains(face.Ranges, r => r.From <= 0x0995 && r.To >= 0x0995); // ক

        // The :lang(bn) font stack names the web font, so Bengali pages can reach it.
        Assert.Matches($@"--font-bn:[^;]*""{Regex.Escape(face.Family)}""", css);

        // A url() in a stylesheet is relative to the stylesheet, wherever MapStaticAssets serves it.
        var fontPath = new Uri(new Uri("http://site" + stylesheet), face.Url).AbsolutePath;
        var font = await client.GetAsync(new Uri(fontPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, font.StatusCode);
        Assert.Equal("font/woff2", font.Content.Headers.ContentType?.MediaType);
        var bytes = await font.Content.ReadAsByteArrayAsync();
        Assert.Equal("wOF2"u8.ToArray(), bytes[..4]);
        // One weight of the Bengali block is about 39 KB; a whole or variable font would be 70-190 KB.
        Assert.InRange(bytes.Length, 10_000, 45_000);
    }

    [Fact]
    public async Task An_English_page_draws_no_character_of_the_Bengali_font_so_never_fetches_it()
    {
        _site.Write("en/guide.md", TestPages.Page("Guide", order: 1));
        _site.Write("bn/index.md", TestPages.Page("হাড়ের টিউমার"));
        _site.Write("bn/guide.md", TestPages.Page("নির্দেশিকা", order: 1));
        var client = _site.CreateClient();

        foreach (var url in new[] { "/", "/guide" })
        {
            var (_, page) = await client.GetPage(url);
            var (_, css) = await StylesheetOf(client, page);
            var ranges = FontFaces(css).SelectMany(f => f.Ranges).ToList();

            var drawn = DrawnText(page.Body!);
            var bengali = drawn.EnumerateRunes().Where(c => ranges.Any(r => c.Value >= r.From && c.Value <= r.To)).ToList();
            Assert.True(bengali.Count == 0, $"{url} draws {string.Concat(bengali)}, which fetches the Bengali web font");

            // The language switch still says "বাংলা": a drawing named by its SVG title.
            var link = page.QuerySelector("a[hreflang=bn]");
            Assert.NotNull(link);
            Assert.Equal("bn", link.GetAttribute("lang"));
            var svg = link.QuerySelector("svg");
            Assert.NotNull(svg);
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.Equal(BengaliWord, svg.QuerySelector("title")?.TextContent);
            Assert.Equal(BengaliWord, link.TextContent);
            Assert.Equal("currentColor", svg.GetAttribute("fill"));
            Assert.Null(svg.GetAttribute("style")); // the Content-Security-Policy refuses inline styles
            Assert.True(svg.OuterHtml.Length <= 2_000, $"the drawn word is {svg.OuterHtml.Length} characters");
        }
    }

    [Fact]
    public async Task A_Bengali_page_shows_its_language_switch_as_text()
    {
        _site.Write("bn/index.md", TestPages.Page("হাড়ের টিউমার"));

        var (_, page) = await _site.CreateClient().GetPage("/bn");

        var english = page.QuerySelector("a[hreflang=en]");
        Assert.Equal("English", english?.TextContent);
        Assert.Null(english?.QuerySelector("svg"));
    }

    /// <summary>Text a browser lays out and draws: not scripts, templates or SVG titles (attributes are not text nodes).</summary>
    private static string DrawnText(IElement root) =>
        string.Concat(root.Descendants<IText>()
            .Where(t => !t.Ancestors<IElement>().Any(e => e.LocalName is "script" or "style" or "template" or "title"))
            .Select(t => t.Data));

    private static async Task<(string Href, string Css)> StylesheetOf(HttpClient client, IDocument page)
    {
        var href = Assert.Single(page.QuerySelectorAll("link[rel=stylesheet]")).GetAttribute("href");
        Assert.NotNull(href);
        return (href, await client.GetStringAsync(new Uri(href, UriKind.Relative)));
    }

    private sealed record UnicodeRange(int From, int To);

    private sealed record FontFace(string Family, string Url, string Body, IReadOnlyList<UnicodeRange> Ranges);

    private static List<FontFace> FontFaces(string css)
    {
        var live = CommentPattern().Replace(css, "");
        return FontFacePattern().Matches(live).Select(m =>
        {
            var body = m.Groups[1].Value;
            var family = FamilyPattern().Match(body).Groups[1].Value;
            var url = UrlPattern().Match(body).Groups[1].Value;
            var ranges = new List<UnicodeRange>();
            if (RangePattern().Match(body) is { Success: true } range)
            {
                foreach (var part in range.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var span = part[2..].Split('-');
                    var from = span[0].Replace('?', '0');
                    var to = span.Length > 1 ? span[1] : span[0].Replace('?', 'F');
                    ranges.Add(new UnicodeRange(int.Parse(from, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                        int.Parse(to, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                }
            }
            else
            {
                ranges.Add(new UnicodeRange(0, 0x10FFFF)); // no unicode-range: every character fetches it
            }
            return new FontFace(family, url, body, ranges);
        }).ToList();
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"@font-face\s*\{(.*?)\}", RegexOptions.Singleline)]
    private static partial Regex FontFacePattern();

    [GeneratedRegex(@"font-family:\s*""([^""]+)""")]
    private static partial Regex FamilyPattern();

    [GeneratedRegex(@"url\(\s*[""']?([^""')]+)[""']?\s*\)")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"unicode-range:\s*([^;}]*)")]
    private static partial Regex RangePattern();
}
