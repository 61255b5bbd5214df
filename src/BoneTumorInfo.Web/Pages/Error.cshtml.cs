using BoneTumorInfo.Content;
using BoneTumorInfo.Web.Layout;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BoneTumorInfo.Web.Pages;

/// <summary>Shown after an unexpected exception. The exception itself is logged by the exception handler, never shown.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ContentStore store) : PageModel
{
    public void OnGet() => Prepare();

    public void OnPost() => Prepare();

    private void Prepare()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        ViewData[SiteChrome.ViewDataKey] = SiteChrome.ForLanguage(store, store.Options.DefaultLanguage, "Sorry, there is a problem with the service");
    }
}
