using System.Globalization;
using BoneTumorInfo.Content;
using BoneTumorInfo.Web.Localization;
using BoneTumorInfo.Web.Layout;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BoneTumorInfo.Web.Pages;

/// <summary>The page shown for a bare error status (404, 429, …), in the language of the address asked for.</summary>
/// <remarks>
/// Status-code re-execution keeps the request's method, so a refused form post arrives here as a
/// POST: it is answered like a GET, and needs no antiforgery token (it changes nothing).
/// </remarks>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(ContentStore store, IStringLocalizer<SiteText> text) : PageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = "";

    public void OnPost(int code) => OnGet(code);

    public void OnGet(int code)
    {
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        // Reached directly (not re-executed), /status/404 is itself an address that does not exist.
        Code = reExecute is null ? StatusCodes.Status404NotFound : code;
        Response.StatusCode = Code;
        Heading = text[Code switch
        {
            404 => "Page not found",
            429 => "Too many requests",
            >= 500 => "Sorry, there is a problem with the service",
            _ => "Sorry, we could not do that",
        }];

        // Request localization chose the culture from the address asked for: answer in that language.
        var options = store.Options;
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (!options.Languages.Contains(language) || store.Index.Find(language, "") is null) language = options.DefaultLanguage;
        ViewData[SiteChrome.ViewDataKey] = SiteChrome.ForLanguage(store, language, Heading);
    }
}
