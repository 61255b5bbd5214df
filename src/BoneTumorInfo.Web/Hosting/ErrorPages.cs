namespace BoneTumorInfo.Web.Hosting;

public static class ErrorPages
{
    /// <summary>
    /// Plain-words pages for errors: an unexpected exception re-runs as /error (details go to
    /// the log only), and any bare 4xx/5xx status re-runs as /status/{code}.
    /// </summary>
    public static WebApplication UseSiteErrorPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        return app;
    }
}
