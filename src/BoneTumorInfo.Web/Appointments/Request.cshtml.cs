using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.Requests;
using BoneTumorInfo.Content;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using BoneTumorInfo.Web.Site;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BoneTumorInfo.Web.Appointments;

/// <summary>
/// The appointment request form. A valid form is stored durably before the person is sent to
/// the confirmation page (Post/Redirect/Get); a form with problems comes back with every
/// answer kept and a message on each field that needs fixing.
/// </summary>
[EnableRateLimiting(AppointmentsSetup.RateLimitPolicy)]
[OutputCache(NoStore = true)]
[IsolateFromOtherSites]
// Checked in OnPostAsync instead, so an expired form comes back with its answers, not as a blank 400.
[IgnoreAntiforgeryToken]
public sealed class RequestModel(
    ContentStore store,
    AppointmentFormHandler handler,
    IDataProtectionProvider protection,
    IAntiforgery antiforgery,
    IStringLocalizer<SiteText> text) : SitePageModel
{
    /// <summary>
    /// Enough for every field at its longest in any script (a 1,000-character reason in Bengali
    /// is about 9 KB once URL-encoded), and little more.
    /// </summary>
    public const int MaxBodyBytes = 32 * 1024;

    public const string Title = "Request an appointment";

    /// <summary>Set by the appointments middleware on a post whose body is over <see cref="MaxBodyBytes"/>.</summary>
    public const string TooLargeKey = "Appointments.BodyTooLarge";

    /// <summary>Set by the appointments middleware on a post that could not be read as a form.</summary>
    public const string UnreadableKey = "Appointments.BodyUnreadable";

    [BindProperty]
    public AppointmentForm Form { get; set; } = new();

    /// <summary>Set after a post with problems; null on a fresh form.</summary>
    public FormValidation? Validation { get; private set; }

    public bool HasErrors => Validation is { IsValid: false };

    /// <summary>The language the form is shown and checked in: the language of its address.</summary>
    public FormLanguage Language => FormLanguage.FromCode(LanguageCode);

    private string LanguageCode => _languageCode ??= store.Index.SiteLanguages.OfPath(Request.Path.Value).Code;

    private string? _languageCode;

    public void OnGet()
    {
        SetChrome();
        Form = new AppointmentForm { IdempotencyKey = References.NewIdempotencyKey() };
        if (HttpContext.Items.ContainsKey(TooLargeKey))
        {
            // Nothing of the post was read, so there are no answers to show back.
            Validation = new FormValidation(null, [FormText.FormTooLong(Language)]);
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            SetChrome();
        }
        else if (HttpContext.Items.ContainsKey(UnreadableKey))
        {
            Validation = new FormValidation(null, [new FieldError("form", FormFields.SubmittedBy, text["We could not read the form that was sent. Fill it in again and send it"])]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            SetChrome();
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The page's chrome (menus, language links) is built only when the form is drawn again:
        // a form that is accepted goes straight on to the confirmation page.
        bool tokenValid;
        try
        {
            tokenValid = await antiforgery.IsRequestValidAsync(HttpContext);
        }
        catch (AntiforgeryValidationException ex) when (ex.InnerException is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            // Over the body limit: nothing was read, so there is nothing to show back.
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!tokenValid)
        {
            // Nothing is stored. The person sees their answers again with a fresh token, and one
            // press of the button sends them; the status stays 400 for anything that is not a person.
            Validation = new FormValidation(null, [FormText.FormExpired(Language)]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            SetChrome();
            return Page();
        }

        // Every copy of the hidden bot-trap field, as sent: a bot may send it twice, the first empty.
        Form.HoneypotValues = Request.Form[FormFields.Honeypot].ToArray();
        var outcome = await handler.SubmitAsync(Form, LanguageCode);
        if (!outcome.ShowConfirmation)
        {
            Validation = outcome.Validation;
            SetChrome();
            return Page();
        }

        // Only values that are set: a null "lang" would still count against the default route.
        var values = new RouteValueDictionary { ["r"] = ConfirmationModel.Protect(protection, outcome.Reference!) };
        if (SiteChrome.RouteValueOf(store.Index, LanguageCode) is { } lang) values["lang"] = lang;
        if (outcome.AlreadyHadRequest) values["again"] = "1";
        return RedirectToPage("/Appointments/Confirmation", values);
    }

    /// <summary>The error message for a field, or null.</summary>
    public FieldError? ErrorFor(string field) => Validation?.ErrorFor(field);

    /// <summary>The privacy notice in the form's language (the English one if it has none).</summary>
    public string PrivacyUrl { get; private set; } = "";

    private void SetChrome()
    {
        var index = store.Index;
        var language = LanguageCode;
        PrivacyUrl = (index.Find(language, PrivacySlug) ?? index.Find(index.DefaultLanguage, PrivacySlug))?.Url ?? "/";
        Chrome = SiteChrome.ForLanguage(store, language, text[Title]) with
        {
            TitlePrefix = HasErrors ? text["Error: "].Value : null,
            // The language switch leads to the same form in the other language.
            OtherLanguages = [.. index.SiteLanguages.All.Where(l => l.Code != language).Select(l => new LanguageLink(
                l.Code, l.NativeName, Url.Page("/Appointments/Request", new { lang = SiteChrome.RouteValueOf(index, l.Code) })!))],
        };
    }

    private const string PrivacySlug = "appointments/privacy";
}
