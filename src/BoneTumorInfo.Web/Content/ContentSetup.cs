using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Content.Markdown.Links;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection.Extensions;
using BoneTumorInfo.Web.Site;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Content;

public static class ContentSetup
{
    /// <summary>
    /// The content folder (found, or as configured), its languages, and the live store of pages
    /// and rendered HTML; its output caching comes with it.
    /// </summary>
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var environment = builder.Environment;
        services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.SectionName)
            .Validate(options => LanguagesProblem(options) is null,
                "Content:Languages must list culture names such as en-GB and bn-BD, and Content:DefaultLanguage (if set) one of their codes.")
            .PostConfigure(options => options.RootPath = ContentRootLocator.Resolve(
                options.RootPath, environment.ContentRootPath, SiteLanguages.From(options).Default.Code, AppContext.BaseDirectory))
            .Validate(options => Directory.Exists(Path.Combine(options.RootPath, SiteLanguages.From(options).Default.Code)),
                "Content:RootPath must be a folder that holds the default language's folder (for example content/en).")
            .ValidateOnStart();
        services.AddSingleton(sp => SiteLanguages.From(sp.GetRequiredService<IOptions<ContentOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ContentStore>();
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content", tags: [HealthSetup.ReadyTag]);
        builder.AddContentCaching();
        return builder;
    }

    private static string? LanguagesProblem(ContentOptions options)
    {
        try
        {
            _ = SiteLanguages.From(options);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or System.Globalization.CultureNotFoundException)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// Builds the page index as soon as the app is built, so content errors are in the log
    /// straight away (not at the first visit) and the first reader does not wait for all of it.
    /// In the background: the rest of start-up (the request pipeline, the page routes, the
    /// server) runs on the main thread meanwhile, and a request that comes first waits only for
    /// the rest of the same build. Started here rather than as a hosted service, which runs only
    /// once the pipeline and routes are built: at 10,000 pages that was the first reader's wait.
    /// </summary>
    public static WebApplication StartContentIndex(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Resolved in the background too: a content setting that fails validation is then reported
        // by the host's own start-up check, with its message, as before.
        var services = app.Services;
        _ = Task.Run(() => WarmUp(services.GetRequiredService<ContentStore>()), CancellationToken.None);
        return app;
    }

    /// <summary>
    /// The index, then each language's home page rendered: the first render starts the Markdown
    /// pipeline and the sanitizer, which would otherwise be the first reader's wait.
    /// </summary>
    private static void WarmUp(ContentStore store)
    {
        var index = store.Index;
        foreach (var language in index.SiteLanguages.Codes)
        {
            if (index.Find(language, "") is { IsBroken: false } home)
            {
                try
                {
                    store.Render(home);
                }
                catch (IOException)
                {
                    // Being saved at this moment: the first reader renders it instead.
                }
            }
        }

        // The parser garbage of reading thousands of files is given back to the machine once the
        // search index, which reads them again, is built too (SearchIndexer).
    }

    /// <summary>
    /// Images that sit beside the pages, under /content-files/&lt;lang&gt;/…. Only image types are
    /// served, so the Markdown sources themselves are never downloadable.
    /// </summary>
    public static WebApplication UseContentFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<ContentOptions>>().Value;
        var types = new FileExtensionContentTypeProvider();
        types.Mappings.Clear();
        types.Mappings[".png"] = "image/png";
        types.Mappings[".jpg"] = "image/jpeg";
        types.Mappings[".jpeg"] = "image/jpeg";
        types.Mappings[".gif"] = "image/gif";
        types.Mappings[".webp"] = "image/webp";
        types.Mappings[".avif"] = "image/avif";
        // Diagrams. An SVG opened on its own is a document, but the site's CSP (sent on every
        // response, these included) forbids script in it, and editors' SVGs hold none.
        types.Mappings[".svg"] = "image/svg+xml";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new ContentImageFiles(options.RootPath),
            RequestPath = LinkRewriter.ContentFilesPath,
            ContentTypeProvider = types,
        });
        return app;
    }
}
