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
        // The build output (not a publish folder) lists its static assets, and their compressed
        // copies under obj/, only in the static web assets manifest, which ASP.NET reads by itself
        // in Development alone: run in Production, every stylesheet went out as 0 bytes. A publish
        // folder has no such manifest and serves wwwroot as usual.
        var manifest = Path.Combine(AppContext.BaseDirectory, builder.Environment.ApplicationName + ".staticwebassets.runtime.json");
        if (!builder.Environment.IsDevelopment() && File.Exists(manifest)) builder.WebHost.UseStaticWebAssets();
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
