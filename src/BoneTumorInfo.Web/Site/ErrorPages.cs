namespace BoneTumorInfo.Web.Site;

public static class ErrorPages
{
    /// <summary>
    /// Plain-words pages for errors, in the language of the address asked for: an unexpected
    /// exception re-runs as /status/500 (details go to the log only), and any bare 4xx/5xx status
    /// re-runs as /status/{code}. Both are the one localized status page.
    /// </summary>
    public static WebApplication UseSiteErrorPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(StatusPath(StatusCodes.Status500InternalServerError));
        app.UseStatusCodePagesWithReExecute(StatusPath(null));
        return app;
    }

    /// <summary>The status page's address for a code, or its re-execute pattern when the code is null.</summary>
    private static string StatusPath(int? code) => "/status/" + (code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "{0}");
}
