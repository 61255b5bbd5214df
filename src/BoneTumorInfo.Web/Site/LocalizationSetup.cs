using BoneTumorInfo.Content.Languages;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Site;

public static class LocalizationSetup
{
    /// <summary>Interface words through IStringLocalizer, in the language of the address (/bn/… is Bengali).</summary>
    public static WebApplicationBuilder AddSiteLocalization(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLocalization();
        builder.Services.AddOptions<RequestLocalizationOptions>().Configure<SiteLanguages>((options, languages) =>
        {
            var cultures = languages.All.Select(l => l.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(languages.Default.Culture, languages.Default.Culture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // The address decides, never a cookie or the browser: a page's words match its language.
            options.RequestCultureProviders = [new PathLanguageProvider(languages)];
        });
        return builder;
    }

    /// <summary>Placed before the error pages, so a re-executed 404 keeps the language of the address asked for.</summary>
    public static WebApplication UseSiteLocalization(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLocalization();
        return app;
    }

    private sealed class PathLanguageProvider(SiteLanguages languages) : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var culture = languages.OfPath(httpContext.Request.Path.Value).Culture.Name;
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture, culture));
        }
    }
}
