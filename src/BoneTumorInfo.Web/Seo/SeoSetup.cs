using System.Globalization;
using System.Text;
using System.Xml;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Web.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Seo;

public static partial class SeoSetup
{
    /// <summary>Output-cached like content pages (evicted on every content change), but per host when no public address is set.</summary>
    public const string CachePolicy = "seo";

    /// <summary>The site's public address, the head data of every page, and the cache policy of sitemap.xml and robots.txt.</summary>
    public static WebApplicationBuilder AddSeo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SeoOptions>()
            .BindConfiguration(SeoOptions.SectionName)
            .Validate(options => !options.HasPublicUrl
                || (Uri.TryCreate(options.PublicUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0),
                "Site:PublicUrl must be an http(s) address such as https://example.org, or empty.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PageHeads>();
        builder.Services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .Tag(Caching.ContentTag)
            .SetVaryByHost(true)
            .Expire(TimeSpan.FromHours(1))));
        return builder;
    }

    /// <summary><c>/sitemap.xml</c> and <c>/robots.txt</c>, made from the page index.</summary>
    public static WebApplication MapSeo(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<SeoOptions>>().Value;
        if (!options.HasPublicUrl && !app.Environment.IsDevelopment())
        {
            LogNoPublicUrl(app.Logger);
        }

        // Plain request delegates, not handlers with injected parameters: those are compiled
        // through the minimal-API delegate factory (expression trees, and its form-binding
        // converters for every simple type), about 170 methods JIT-compiled at every start-up.
        RequestDelegate sitemap = context =>
        {
            var services = context.RequestServices;
            var baseUrl = services.GetRequiredService<IOptions<SeoOptions>>().Value.BaseUrl(context.Request);
            return Results.Text(Sitemap(services.GetRequiredService<ContentStore>(), baseUrl), "application/xml; charset=utf-8", Encoding.UTF8)
                .ExecuteAsync(context);
        };
        RequestDelegate robots = context =>
        {
            var services = context.RequestServices;
            var baseUrl = services.GetRequiredService<IOptions<SeoOptions>>().Value.BaseUrl(context.Request);
            return Results.Text(Robots(services.GetRequiredService<SiteLanguages>(), baseUrl), "text/plain; charset=utf-8", Encoding.UTF8)
                .ExecuteAsync(context);
        };
        app.MapGet("/sitemap.xml", sitemap).CacheOutput(CachePolicy);
        app.MapGet("/robots.txt", robots).CacheOutput(CachePolicy);
        return app;
    }

    /// <summary>
    /// Every published page in every language, with its review date as <c>lastmod</c> and its
    /// twins as <c>xhtml:link</c> alternates (x-default: the default language's).
    /// </summary>
    public static string Sitemap(ContentStore store, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(store);
        const string Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
        const string Xhtml = "http://www.w3.org/1999/xhtml";
        var index = store.Index;
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Sitemaps);
            xml.WriteAttributeString("xmlns", "xhtml", null, Xhtml);
            var pages = index.Pages.Where(p => p is { IsBroken: false, IsDraft: false })
                .OrderBy(p => index.SiteLanguages.All.ToList().FindIndex(l => l.Code == p.Language))
                .ThenBy(p => p.Url, StringComparer.Ordinal);
            foreach (var page in pages)
            {
                xml.WriteStartElement("url", Sitemaps);
                xml.WriteElementString("loc", Sitemaps, baseUrl + page.Url);
                xml.WriteElementString("lastmod", Sitemaps, page.FrontMatter!.LastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                var twins = PageHeads.Twins(index, page);
                if (twins.Count > 1)
                {
                    foreach (var twin in twins) Alternate(xml, twin.Language, baseUrl + twin.Url);
                    if (twins.FirstOrDefault(t => t.Language == index.DefaultLanguage) is { } fallback) Alternate(xml, "x-default", baseUrl + fallback.Url);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        // StringBuilder output says utf-16 in the declaration; the response is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);

        static void Alternate(XmlWriter xml, string language, string href)
        {
            xml.WriteStartElement("xhtml", "link", Xhtml);
            xml.WriteAttributeString("rel", "alternate");
            xml.WriteAttributeString("hreflang", language);
            xml.WriteAttributeString("href", href);
            xml.WriteEndElement();
        }
    }

    /// <summary>Crawl the pages, not the confirmation page, health checks, staff area or search results; the sitemap lists the pages.</summary>
    public static string Robots(SiteLanguages languages, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var text = new StringBuilder();
        text.Append("User-agent: *\n");
        text.Append("Disallow: /appointments/request/confirmation\n");
        text.Append("Disallow: /health/\n");
        text.Append("Disallow: /staff\n");
        foreach (var language in languages.All) text.Append(CultureInfo.InvariantCulture, $"Disallow: {languages.UrlOf(language.Code, "search")}\n");
        text.Append(CultureInfo.InvariantCulture, $"\nSitemap: {baseUrl}/sitemap.xml\n");
        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site:PublicUrl is not set: canonical links, share previews and the sitemap use each request's Host header, and pages are cached once per host. Set it.")]
    private static partial void LogNoPublicUrl(ILogger logger);
}
