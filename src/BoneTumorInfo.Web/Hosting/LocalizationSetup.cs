using System.Globalization;
using BoneTumorInfo.Content;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Hosting;

public static class LocalizationSetup
{
    /// <summary>The culture each content language is shown in (dates, interface words).</summary>
    public static CultureInfo CultureFor(string language) =>
        CultureInfo.GetCultureInfo(language == "bn" ? "bn-BD" : "en-GB");

    /// <summary>Interface words through IStringLocalizer, in the language of the address (/bn/… is Bengali).</summary>
    public static IServiceCollection AddSiteLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<ContentOptions>>((options, content) =>
        {
            var cultures = content.Value.Languages.Select(CultureFor).ToList();
            var fallback = CultureFor(content.Value.DefaultLanguage);
            options.DefaultRequestCulture = new RequestCulture(fallback, fallback);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // The address decides, never a cookie or the browser: a page's words match its language.
            options.RequestCultureProviders = [new PathLanguageProvider(content.Value)];
        });
        return services;
    }

    /// <summary>Placed before the error pages, so a re-executed 404 keeps the language of the address asked for.</summary>
    public static WebApplication UseSiteLocalization(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLocalization();
        return app;
    }

    private sealed class PathLanguageProvider(ContentOptions content) : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var segments = httpContext.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
            var language = segments.Length > 0 && segments[0] != content.DefaultLanguage && content.Languages.Contains(segments[0])
                ? segments[0]
                : content.DefaultLanguage;
            var culture = CultureFor(language).Name;
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture, culture));
        }
    }
}
