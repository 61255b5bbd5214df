using Microsoft.Extensions.Logging;

namespace BoneTumorInfo.Appointments.Requests;

/// <summary>What happened to a form that was sent.</summary>
public enum FormOutcomeKind
{
    /// <summary>Something needs fixing: show the form again with <see cref="FormOutcome.Errors"/>.</summary>
    NeedsFixing,

    /// <summary>Stored now under <see cref="FormOutcome.Reference"/>.</summary>
    Stored,

    /// <summary>The same form was sent again (a double click, the back button and send): its first reference.</summary>
    SentAgain,

    /// <summary>
    /// A new form from the same person (name, date of birth, phone) within a day: nothing new is
    /// stored, <see cref="FormOutcome.Reference"/> is their earlier one, and the page says
    /// <see cref="FormOutcome.Notice"/> ("we already have your request").
    /// </summary>
    AlreadyHadRequest,

    /// <summary>The hidden field was filled: nothing is stored; the bot is shown the usual confirmation with a decoy reference.</summary>
    Bot,
}

/// <summary>The answer to a sent form, in the language it was filled in.</summary>
public sealed record FormOutcome(FormOutcomeKind Kind, FormLanguage Language, string? Reference, FormValidation? Validation)
{
    /// <summary>Go on to the confirmation page for <see cref="Reference"/> (a bot goes there too, so it learns nothing).</summary>
    public bool ShowConfirmation => Kind != FormOutcomeKind.NeedsFixing;

    /// <summary>The things to fix, in the order of the form and in <see cref="Language"/>; empty unless <see cref="FormOutcomeKind.NeedsFixing"/>.</summary>
    public IReadOnlyList<FieldError> Errors => Kind == FormOutcomeKind.NeedsFixing ? Validation!.Errors : [];

    public FieldError? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field);

    public bool AlreadyHadRequest => Kind == FormOutcomeKind.AlreadyHadRequest;

    /// <summary>A line for the confirmation page when the person had already sent a request; otherwise null.</summary>
    public string? Notice => AlreadyHadRequest ? FormText.AlreadyHaveYourRequest(Language) : null;
}

/// <summary>
/// Everything that happens to a sent form, so the web page only passes the form and the page's
/// language code: the bot trap, the form key, the checks (messages in that language), and
/// storing it. Logs hold references only, never what the person typed.
/// </summary>
public sealed partial class AppointmentFormHandler(AppointmentFormValidator validator, IAppointmentInbox inbox, ILogger<AppointmentFormHandler> logger)
{
    /// <param name="form">The form as bound, with <see cref="AppointmentForm.HoneypotValues"/> set from the raw post.</param>
    /// <param name="languageCode">The page's language: "bn" for the Bengali form, anything else for English.</param>
    public async Task<FormOutcome> SubmitAsync(AppointmentForm form, string? languageCode)
    {
        ArgumentNullException.ThrowIfNull(form);
        var language = FormLanguage.FromCode(languageCode);

        // A form without a usable key is treated as new; it still cannot be sent twice by refreshing
        // the confirmation page, because that page is reached by a redirect.
        if (!References.IsIdempotencyKey(form.IdempotencyKey)) form.IdempotencyKey = References.NewIdempotencyKey();
        var key = form.IdempotencyKey!;

        if (form.IsBot)
        {
            // The usual answer, and nothing stored: the bot cannot tell it was caught.
            var decoy = References.Derive(key);
            LogHoneypot(logger, decoy);
            return new FormOutcome(FormOutcomeKind.Bot, language, decoy, null);
        }

        var validation = validator.Validate(form, language);
        if (!validation.IsValid) return new FormOutcome(FormOutcomeKind.NeedsFixing, language, null, validation);

        // Not cancellable: once sent, the request is stored even if the person closes the page,
        // so sending it again finds it.
        var enqueued = await inbox.EnqueueAsync(validation.Request!, key, CancellationToken.None).ConfigureAwait(false);
        FormOutcomeKind kind;
        if (enqueued.IsNew)
        {
            kind = FormOutcomeKind.Stored;
            LogQueued(logger, enqueued.Reference);
        }
        else if (enqueued.AlreadyHadRequest)
        {
            kind = FormOutcomeKind.AlreadyHadRequest;
            LogSamePerson(logger, enqueued.Reference);
        }
        else
        {
            kind = FormOutcomeKind.SentAgain;
            LogResubmitted(logger, enqueued.Reference);
        }

        return new FormOutcome(kind, language, enqueued.Reference, validation);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment request {Reference} queued")]
    private static partial void LogQueued(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment request {Reference} sent again; kept the first copy")]
    private static partial void LogResubmitted(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment request {Reference} already made by the same person today; answered with it, nothing new queued")]
    private static partial void LogSamePerson(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appointment form honeypot filled in; nothing queued (decoy reference {Reference})")]
    private static partial void LogHoneypot(ILogger logger, string reference);
}
