using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.WebEncoders;

namespace BoneTumorInfo.Web.Site;

/// <summary>
/// Brotli or gzip for pages, which on slow mobile data is most of the wait. Static assets do not
/// need this: MapStaticAssets serves files compressed at build time.
/// </summary>
public static class Compression
{
    public static WebApplicationBuilder AddSiteCompression(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddResponseCompression(options =>
        {
            // Most readers arrive over HTTPS. The BREACH attack needs a secret and text the attacker
            // chose in one compressed response; only a form post echoes what someone typed next to
            // its antiforgery token, and UseSiteCompression leaves posts uncompressed.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Pages are 15–30 KB of HTML; Optimal costs a millisecond or two and saves the reader far more.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);

        // Razor writes every character outside Basic Latin as "&#x9AC;" by default, which makes a
        // Bengali title or menu three to eight times bigger. Letting every script through as UTF-8
        // (whatever languages the site is written in) is safe: <, >, &, quotes, control characters
        // and the characters the encoder never allows are still escaped.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    /// <summary>Compresses the responses to GET and HEAD only (see the BREACH note above).</summary>
    public static WebApplication UseSiteCompression(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method),
            branch => branch.UseResponseCompression());
        return app;
    }
}
