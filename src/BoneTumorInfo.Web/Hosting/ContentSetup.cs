using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Markdown.Links;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Hosting;

public static class ContentSetup
{
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<ContentOptions>()
            .Bind(configuration.GetSection(ContentOptions.SectionName))
            .PostConfigure(options => options.RootPath = ContentRootLocator.Resolve(
                options.RootPath, environment.ContentRootPath, AppContext.BaseDirectory))
            .Validate(options => Directory.Exists(Path.Combine(options.RootPath, options.DefaultLanguage)),
                "Content:RootPath must be a folder that holds the default language's folder (for example content/en).")
            .ValidateOnStart();
        services.AddSingleton<ContentStore>();
        services.AddHostedService<ContentIndexWarmUp>();
        return services;
    }

    /// <summary>
    /// Builds the page index as the site starts, so content errors are in the log straight away
    /// (not at the first visit) and the first reader does not wait for it.
    /// </summary>
    private sealed class ContentIndexWarmUp(ContentStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = store.Index;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
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
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(options.RootPath),
            RequestPath = LinkRewriter.ContentFilesPath,
            ContentTypeProvider = types,
        });
        return app;
    }
}
