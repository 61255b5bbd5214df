using System.Globalization;
using BoneTumorInfo.Appointments.WorkList;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Web.Site;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Staff;

/// <summary>
/// The base of every staff page: a title for the staff layout (through the site's typed chrome),
/// the signed-in member of staff, and times in the service's time zone.
/// </summary>
public abstract class StaffPageModel : SitePageModel
{
    /// <summary>The page's heading and the browser tab's title.</summary>
    public abstract string PageTitle { get; }

    /// <summary>Problems to list in the error summary, each linked to its field (field id, message).</summary>
    public List<(string Field, string Message)> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field).Message;

    protected StaffOptions StaffOptions => HttpContext.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value;

    protected DateTimeOffset Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    public StaffMember Me => StaffClaims.Member(User);

    public string IdleMinutesText => string.Create(CultureInfo.InvariantCulture, $"{StaffOptions.IdleMinutes:0} minutes");

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var services = HttpContext.RequestServices;
        Chrome = SiteChrome.ForLanguage(services.GetRequiredService<ContentStore>(), services.GetRequiredService<SiteLanguages>().Default.Code, PageTitle);
    }

    public override void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (Errors.Count > 0) Chrome = Chrome with { TitlePrefix = "Error: " };
    }

    /// <summary>A time as staff in the service read it: "Sun 1 Mar 2026, 14:05".</summary>
    public string Local(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, StaffOptions.Zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>How long ago, in the largest units that matter: "35 min", "5 h 10 min", "3 days 4 h".</summary>
    public string Age(DateTimeOffset since)
    {
        var age = Now - since;
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        return age.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} {((int)age.TotalDays == 1 ? "day" : "days")} {age.Hours} h")
            : age.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h {age.Minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{age.Minutes} min");
    }

    /// <summary>Only addresses inside the staff area are followed after signing in.</summary>
    protected string StaffReturnUrl(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(StaffPaths.Root, StringComparison.OrdinalIgnoreCase) ? returnUrl : StaffPaths.Root;
}

/// <summary>One labelled text field with its error, for the staff forms' partial <c>_TextField</c>.</summary>
public sealed record TextField(StaffPageModel Page, string Field, string Label, string Type, string Autocomplete, string? Value = null, string? Hint = null);
