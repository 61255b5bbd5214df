using AngleSharp.Html.Parser;
using BoneTumorInfo.Content.Markdown;

namespace BoneTumorInfo.Content.Tests.Markdown;

/// <summary>
/// The last gate, given HTML directly: Markdig with raw HTML off never writes most of this, but
/// an extension or a future change might, and the gate must hold on its own.
/// </summary>
public sealed class HtmlSafetyTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT SRC=//x.example/a.js></SCRIPT>")]
    [InlineData("<p>a<script>alert(1)</script>b</p>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<IMG SRC=x OnError=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">x</a>")]
    [InlineData("<a href=\"java\nscript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#x20;&#x01;javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">")]
    [InlineData("<div onclick=\"alert(1)\">x</div>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    [InlineData("<style>p{background:url(javascript:alert(1))}</style><p>x</p>")]
    [InlineData("<iframe src=\"https://x.example\"></iframe>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<math><a href=\"javascript:alert(1)\">x</a></math>")]
    [InlineData("<form action=\"https://x.example\"><button formaction=\"javascript:alert(1)\">x</button></form>")]
    [InlineData("<button formaction=\"javascript:alert(1)\">x</button>")]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>")]
    [InlineData("<a href=\"https://x.example\" target=_blank>x</a><base href=\"javascript:/\">")]
    [InlineData("<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">")]
    [InlineData("<template><script>alert(1)</script></template>")]
    [InlineData("<!-- <script>alert(1)</script> -->")]
    public void Nothing_executable_is_left(string html)
    {
        var cleaned = HtmlSafety.Clean(html);
        var doc = new HtmlParser().ParseDocument("<body>" + cleaned);

        Assert.Empty(doc.Body!.QuerySelectorAll("script, style, iframe, object, embed, svg, math, form, noscript, base, meta, template"));
        Assert.DoesNotContain("<!--", cleaned, StringComparison.Ordinal);
        foreach (var element in doc.Body.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.TagName} kept {attribute.Name}");
                Assert.NotEqual("style", attribute.Name);
                Assert.NotEqual("formaction", attribute.Name);
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                foreach (var scheme in new[] { "javascript:", "vbscript:", "data:" })
                {
                    Assert.False(value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase), $"{element.TagName} kept {attribute.Name}={attribute.Value}");
                }
            }
        }
    }

    [Fact]
    public void An_element_off_the_list_goes_with_what_is_inside_it()
    {
        Assert.Equal("<p>ab</p>", HtmlSafety.Clean("<p>a<script>var secret = 1;</script>b</p>"));
        Assert.Equal("<p>kept</p>", HtmlSafety.Clean("<form><p>gone</p></form><p>kept</p>"));
    }

    [Theory]
    [InlineData("<a href=\"https://www.example.org/a?b=c#d\">x</a>")]
    [InlineData("<a href=\"http://example.org/\">x</a>")]
    [InlineData("<a href=\"mailto:team@example.org\">x</a>")]
    [InlineData("<a href=\"tel:+8801700000000\">x</a>")]
    [InlineData("<a href=\"/bn/contact\">x</a>")]
    [InlineData("<a href=\"#section\">x</a>")]
    [InlineData("<a href=\"../steps/a:b\">x</a>")]
    [InlineData("<a href=\"/search?q=a:b\">x</a>")]
    [InlineData("<img src=\"/content-files/en/leg.svg\" alt=\"A leg\">")]
    public void Safe_links_and_images_are_kept_as_written(string html)
    {
        Assert.Equal(html, HtmlSafety.Clean(html));
    }

    [Fact]
    public void What_the_renderer_writes_comes_through_unchanged()
    {
        const string html =
            "<h2 id=\"what-happens\">What happens</h2>\n" +
            "<aside class=\"care-card care-card--urgent\" aria-labelledby=\"call\"><h3 id=\"call\" class=\"care-card__title\">Call</h3></aside>\n" +
            "<p>A <button type=\"button\" class=\"term\" popovertarget=\"term-biopsy\">biopsy</button> " +
            "<span id=\"term-biopsy\" popover=\"\" lang=\"en\">a small piece</span> &amp; more &lt;here&gt;</p>\n" +
            "<table><thead><tr><th scope=\"col\">Day</th></tr></thead><tbody><tr><td colspan=\"2\">শনিবার</td></tr></tbody></table>\n" +
            "<ol start=\"3\"><li>three</li></ol>\n";

        Assert.Equal(html, HtmlSafety.Clean(html));
    }

    [Fact]
    public void Attributes_off_the_list_go_and_the_element_stays()
    {
        Assert.Equal("<p id=\"a\">x</p>", HtmlSafety.Clean("<p id=\"a\" data-x=\"1\" style=\"color:red\" onclick=\"alert(1)\">x</p>"));
        Assert.Equal("<a>x</a>", HtmlSafety.Clean("<a href=\"javascript:alert(1)\">x</a>"));
    }

    [Fact]
    public void Text_that_looks_like_markup_stays_text()
    {
        var cleaned = HtmlSafety.Clean("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");

        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", cleaned);
    }
}
