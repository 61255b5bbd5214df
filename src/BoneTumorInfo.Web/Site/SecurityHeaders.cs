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
    /// <c>Cross-Origin-Opener-Policy</c> for pages that hold a person's own data (the appointment
    /// form and its confirmation, the staff area): other sites' windows cannot script or probe them.
    /// Not on public pages: the header makes the browser start a fresh page process on arrival,
    /// measured as 200-330 ms of Lighthouse's mobile blocking time on the home page (0 without it),
    /// and they hold nothing of the reader's. Pages ask for it with
    /// <see cref="IsolateFromOtherSitesAttribute"/>; the staff area sets it for every response.
    /// </summary>
    public const string CrossOriginOpenerPolicy = "same-origin";

    /// <summary>Sets <see cref="CrossOriginOpenerPolicy"/> on <paramref name="headers"/>.</summary>
    public static void IsolateFromOtherSites(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers["Cross-Origin-Opener-Policy"] = CrossOriginOpenerPolicy;
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
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                // For browsers too old for frame-ancestors, still common on low-cost phones.
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
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

/// <summary>On a page model holding a person's own data: its responses get <see cref="SecurityHeaders.CrossOriginOpenerPolicy"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class IsolateFromOtherSitesAttribute : Microsoft.AspNetCore.Mvc.Filters.ResultFilterAttribute
{
    public override void OnResultExecuting(Microsoft.AspNetCore.Mvc.Filters.ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SecurityHeaders.IsolateFromOtherSites(context.HttpContext.Response.Headers);
    }
}
