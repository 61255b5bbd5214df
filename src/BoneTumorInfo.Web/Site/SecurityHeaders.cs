namespace BoneTumorInfo.Web.Site;

/// <summary>
/// Headers that tell the browser what this site may do: no inline or third-party script, no
/// framing, no sniffing, no referrer leaving the site, no device features. Every response gets
/// them, including static files, error pages and responses served from the output cache.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Everything the site needs comes from itself: one stylesheet, fonts and an optional script
    /// under wwwroot, images under /content-files. Nothing inline, nothing from elsewhere.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /// <summary>
    /// Page addresses name conditions ("/conditions/malignant-bone-tumours"), so they are not
    /// passed to other sites a reader follows a link to.
    /// </summary>
    public const string ReferrerPolicy = "same-origin";

    /// <summary>The site uses none of these; a framed or injected script cannot ask for them either.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // "Server: Kestrel" tells an attacker which bugs to try; readers do not need it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            // Not IncludeSubDomains: other hospital services on sibling hosts may still be on plain HTTP.
            hsts.IncludeSubDomains = false;
        });
        return builder;
    }

    /// <summary>Goes first in the pipeline, so error pages and short-circuited responses get the headers too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            // On starting, not now: the exception handler clears headers before it re-executes.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                // For browsers too old for frame-ancestors, still common on low-cost phones.
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });

        // HSTS only on HTTPS responses (the middleware checks), and never for localhost, so a
        // developer's browser does not pin the dev port to HTTPS.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }
}
