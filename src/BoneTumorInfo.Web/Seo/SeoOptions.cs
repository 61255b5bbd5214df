namespace BoneTumorInfo.Web.Seo;

/// <summary>The "Site" configuration section: what the site needs to know about where it is published.</summary>
public sealed class SeoOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The site's public address (https://example.org), for canonical links, share previews and the
    /// sitemap. Empty: the request's own scheme and host, which is only safe when a proxy in front
    /// sets the Host header (pages are output-cached for every host alike).
    /// </summary>
    public string PublicUrl { get; set; } = "";

    public bool HasPublicUrl => !string.IsNullOrWhiteSpace(PublicUrl);

    /// <summary>The site's address for a request: <see cref="PublicUrl"/>, or the request's scheme and host. No trailing slash.</summary>
    public string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HasPublicUrl ? PublicUrl.Trim().TrimEnd('/') : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase}";
    }
}
