using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BoneTumorInfo.Web.Site;

/// <summary>
/// The base of every page model: it carries the typed <see cref="SiteChrome"/> that the shared
/// layout (<c>@model SitePageModel</c>) draws around the page, so no page passes it through ViewData.
/// </summary>
public abstract class SitePageModel : PageModel
{
    private SiteChrome? _chrome;

    public SiteChrome Chrome
    {
        get => _chrome ?? throw new InvalidOperationException($"{GetType().Name} must set its Chrome before the layout renders.");
        protected set => _chrome = value;
    }
}
