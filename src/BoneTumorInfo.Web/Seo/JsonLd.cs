using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Web.Seo;

/// <summary>
/// The structured data of a content page: a schema.org <c>MedicalWebPage</c> as JSON-LD, for search
/// engines. It goes in a <c>&lt;script type="application/ld+json"&gt;</c> data block, which browsers
/// never run, so the CSP (no inline script) does not apply to it.
/// </summary>
public static class JsonLd
{
    // The default encoder escapes < > & ' " (as \u003C …), so "</script>" in a title cannot end the
    // block; Bengali is left readable.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string For(PageEntry page, string url, string siteName, string siteUrl, string culture)
    {
        ArgumentNullException.ThrowIfNull(page);
        var front = page.FrontMatter ?? throw new ArgumentException("A broken page has no structured data.", nameof(page));
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["name"] = front.Title,
            ["description"] = front.Description,
            ["url"] = url,
            ["inLanguage"] = culture,
            ["lastReviewed"] = front.LastReviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            // The page states the reviewer's role, not a name.
            ["reviewedBy"] = new JsonObject { ["@type"] = "Person", ["jobTitle"] = front.ReviewedBy },
            ["audience"] = new JsonObject { ["@type"] = "MedicalAudience", ["audienceType"] = "Patient" },
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = siteName, ["url"] = siteUrl },
        };
        // A page in conditions/ (not the section's own page) is about one kind of condition.
        if (page.Slug.StartsWith("conditions/", StringComparison.Ordinal))
        {
            data["about"] = new JsonObject { ["@type"] = "MedicalCondition", ["name"] = front.Title };
        }

        return data.ToJsonString(Options);
    }
}
