namespace BoneTumorInfo.Web.Site;

public static class PagesSetup
{
    /// <summary>
    /// Razor Pages rooted at the project folder, so each feature's pages live in its own folder
    /// (Site/, Content/, Appointments/) and a page's address comes from its folder and name.
    /// </summary>
    public static WebApplicationBuilder AddSitePages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // View localization gives IHtmlLocalizer: sentences whose word order differs by language
        // can hold a link (a phone number) as an argument, encoded like everything else.
        builder.Services.AddRazorPages(options => options.RootDirectory = "/").AddViewLocalization();
        return builder;
    }

    /// <summary>Fingerprinted static assets (css, js, fonts) and every page.</summary>
    public static WebApplication MapSitePages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
