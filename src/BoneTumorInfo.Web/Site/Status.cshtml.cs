using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Languages;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace BoneTumorInfo.Web.Site;

/// <summary>The page shown for a bare error status (404, 429, …), in the language of the address asked for.</summary>
/// <remarks>
/// Status-code re-execution keeps the request's method, so a refused form post arrives here as a
/// POST and a refused PUT as a PUT: every method is answered like a GET, and needs no antiforgery
/// token (it changes nothing).
/// </remarks>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(ContentStore store, SiteLanguages languages, IStringLocalizer<SiteText> text) : SitePageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = "";

    public void OnPost([FromRoute] int code) => OnGet(code);

    /// <summary>Methods with no handler here (PUT, DELETE, …, re-executed after a 405) get the same page.</summary>
    public override void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod is null)
        {
            OnGet(int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 404);
        }
    }

    public void OnGet([FromRoute] int code)
    {
        // Reached directly (not re-executed), /status/404 is itself an address that does not
        // exist; after an exception the handler re-executes here as a 500.
        var statusCode = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Code = exception is not null ? StatusCodes.Status500InternalServerError
            : statusCode is not null ? code
            : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        Heading = text[Code switch
        {
            404 => "Page not found",
            429 => "Too many requests",
            >= 500 => "Sorry, there is a problem with the service",
            _ => "Sorry, we could not do that",
        }];

        // Answer in the language of the address that was asked for (its home page if it has one).
        var asked = languages.OfPath(statusCode?.OriginalPath ?? exception?.Path);
        var language = store.Index.Find(asked.Code, "") is null ? languages.Default : asked;
        Chrome = SiteChrome.ForLanguage(store, language.Code, Heading);
    }
}
