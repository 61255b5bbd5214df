using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.Requests;
using BoneTumorInfo.Content;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using BoneTumorInfo.Web.Site;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace BoneTumorInfo.Web.Appointments;

/// <summary>
/// The appointment request form. A valid form is stored durably before the person is sent to
/// the confirmation page (Post/Redirect/Get); a form with problems comes back with every
/// answer kept and a message on each field that needs fixing.
/// </summary>
[EnableRateLimiting(AppointmentsSetup.RateLimitPolicy)]
[RequestSizeLimit(MaxBodyBytes)]
[OutputCache(NoStore = true)]
// Checked in OnPostAsync instead, so an expired form comes back with its answers, not as a blank 400.
[IgnoreAntiforgeryToken]
public sealed partial class RequestModel(
    ContentStore store,
    IAppointmentInbox inbox,
    AppointmentFormValidator validator,
    IDataProtectionProvider protection,
    IAntiforgery antiforgery,
    ILogger<RequestModel> logger) : SitePageModel
{
    /// <summary>
    /// Enough for every field at its longest in any script (a 1,000-character reason in Bengali
    /// is about 9 KB once URL-encoded), and little more.
    /// </summary>
    public const int MaxBodyBytes = 32 * 1024;

    public const string Title = "Request an appointment";

    [BindProperty]
    public AppointmentForm Form { get; set; } = new();

    /// <summary>Set after a post with problems; null on a fresh form.</summary>
    public FormValidation? Validation { get; private set; }

    public bool HasErrors => Validation is { IsValid: false };

    /// <summary>Set by the appointments middleware on a post whose body is over <see cref="MaxBodyBytes"/>.</summary>
    public const string TooLargeKey = "Appointments.BodyTooLarge";

    public void OnGet()
    {
        Form = new AppointmentForm { IdempotencyKey = References.NewIdempotencyKey() };
        if (HttpContext.Items.ContainsKey(TooLargeKey))
        {
            // Nothing of the post was read, so there are no answers to show back.
            Validation = new FormValidation(null, [new FieldError("form", "reason",
                "The form you sent was too long. Fill it in again, with a shorter reason")]);
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }

        SetChrome();
    }

    public async Task<IActionResult> OnPostAsync()
    {
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
            Validation = new FormValidation(null, [new FieldError("form", "submitted-by", "This form has expired. Check your answers and send the form again")]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            SetChrome();
            return Page();
        }

        // A form without a usable key is treated as new; it still cannot be sent twice by refreshing
        // the confirmation page, because that page is reached by a redirect.
        if (!References.IsIdempotencyKey(Form.IdempotencyKey)) Form.IdempotencyKey = References.NewIdempotencyKey();
        var key = Form.IdempotencyKey!;

        if (!string.IsNullOrEmpty(Form.Website))
        {
            // A bot filled the hidden field: it sees the usual answer, and nothing is stored.
            var decoy = References.Derive(key);
            LogHoneypot(logger, decoy);
            return RedirectToConfirmation(decoy);
        }

        Validation = validator.Validate(Form);
        if (!Validation.IsValid)
        {
            SetChrome();
            return Page();
        }

        // Not tied to the request's cancellation: once sent, the request is stored even if the
        // person closes the page, so a resubmission finds it.
        var enqueued = await inbox.EnqueueAsync(Validation.Request!, key, CancellationToken.None);
        if (enqueued.IsNew) LogQueued(logger, enqueued.Reference);
        else LogResubmitted(logger, enqueued.Reference);
        return RedirectToConfirmation(enqueued.Reference);
    }

    /// <summary>The error message for a field, or null.</summary>
    public FieldError? ErrorFor(string field) => Validation?.ErrorFor(field);

    private RedirectToPageResult RedirectToConfirmation(string reference) =>
        RedirectToPage("/Appointments/Confirmation", new { r = ConfirmationModel.Protect(protection, reference) });

    private void SetChrome()
    {
        Chrome = SiteChrome.ForLanguage(store, store.Index.DefaultLanguage, Title) with { TitlePrefix = HasErrors ? "Error: " : null };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment request {Reference} queued")]
    private static partial void LogQueued(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment request {Reference} sent again; kept the first copy")]
    private static partial void LogResubmitted(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appointment form honeypot filled in; nothing queued (decoy reference {Reference})")]
    private static partial void LogHoneypot(ILogger logger, string reference);
}
