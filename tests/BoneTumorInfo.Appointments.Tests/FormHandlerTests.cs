using BoneTumorInfo.Appointments.Requests;
using BoneTumorInfo.Appointments.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BoneTumorInfo.Appointments.Tests;

/// <summary>What the web page calls: a form and a language code in, a localised outcome back.</summary>
public sealed class FormHandlerTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteAppointmentStore _store;
    private readonly AppointmentFormHandler _handler;

    public FormHandlerTests()
    {
        _store = new SqliteAppointmentStore(Path.Combine(Path.GetTempPath(), "bti-handler-" + Guid.NewGuid().ToString("N"), "appointments.db"), _clock);
        _handler = new AppointmentFormHandler(new AppointmentFormValidator(_clock), _store, NullLogger<AppointmentFormHandler>.Instance);
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private static AppointmentForm Form(string name = "Md. Rafiqul Islam") => new()
    {
        SubmittedBy = "patient", PatientName = name, DobDay = "5", DobMonth = "Sept", DobYear = "1975",
        Phone = "01712345678", Service = "bone-tumour-surgery", CallLanguage = "english", Consent = "yes",
        IdempotencyKey = References.NewIdempotencyKey(),
    };

    public static TheoryData<string[]> BotValues => new()
    {
        { [" "] },                   // whitespace only: people never see the field, so never type a space in it
        { ["\t\r\n"] },
        { ["", "http://spam.example"] }, // sent twice, the first copy empty
        { ["", " "] },
        { ["x", ""] },
    };

    [Theory]
    [MemberData(nameof(BotValues))]
    public async Task Any_value_in_any_copy_of_the_hidden_field_is_a_bot_and_nothing_is_stored(string[] values)
    {
        var form = Form();
        form.HoneypotValues = values;
        var outcome = await _handler.SubmitAsync(form, "en");
        Assert.Equal(FormOutcomeKind.Bot, outcome.Kind);
        Assert.True(outcome.ShowConfirmation);
        Assert.True(References.IsReference(outcome.Reference));
        Assert.Equal(0, await _store.CountAsync());
    }

    [Fact]
    public async Task A_bound_hidden_field_with_only_whitespace_is_a_bot_too()
    {
        var form = Form();
        form.Website = " ";
        Assert.Equal(FormOutcomeKind.Bot, (await _handler.SubmitAsync(form, "en")).Kind);
        Assert.Equal(0, await _store.CountAsync());
    }

    public static TheoryData<string[]> PersonValues => new()
    {
        { [] },
        { [""] },
        { ["", ""] },
    };

    [Theory]
    [MemberData(nameof(PersonValues))]
    public async Task An_empty_hidden_field_is_a_person(string[] values)
    {
        var form = Form();
        form.HoneypotValues = values;
        var outcome = await _handler.SubmitAsync(form, "en");
        Assert.Equal(FormOutcomeKind.Stored, outcome.Kind);
        Assert.Equal(1, await _store.CountAsync());
    }

    [Fact]
    public async Task A_Bengali_page_gets_Bengali_messages_and_the_request_records_Bengali()
    {
        var form = Form();
        form.PatientName = " ";
        var outcome = await _handler.SubmitAsync(form, "bn");
        Assert.Equal(FormOutcomeKind.NeedsFixing, outcome.Kind);
        Assert.False(outcome.ShowConfirmation);
        Assert.Equal("রোগীর পুরো নাম লিখুন", outcome.ErrorFor(FormFields.PatientName)?.Message);

        form.PatientName = "রফিকুল ইসলাম";
        var stored = await _handler.SubmitAsync(form, "bn");
        Assert.Equal(FormOutcomeKind.Stored, stored.Kind);
        Assert.Empty(stored.Errors);
        var row = Assert.Single(await _store.ReadUnreceivedAsync(10));
        Assert.Equal(stored.Reference, row.Reference);
        Assert.Equal(FormLanguage.FromCode("bn"), AppointmentJson.Deserialize(row.Payload).FormLanguage);
    }

    [Fact]
    public async Task Sending_the_same_form_again_and_a_new_form_from_the_same_person_are_told_apart()
    {
        var form = Form();
        var first = await _handler.SubmitAsync(form, "en");
        var again = await _handler.SubmitAsync(form, "en");
        var back = Form();
        back.PatientName = "MD. RAFIQUL  ISLAM";
        var samePerson = await _handler.SubmitAsync(back, "bn");

        Assert.Equal(FormOutcomeKind.Stored, first.Kind);
        Assert.Equal(FormOutcomeKind.SentAgain, again.Kind);
        Assert.Equal(FormOutcomeKind.AlreadyHadRequest, samePerson.Kind);
        Assert.Equal(first.Reference, again.Reference);
        Assert.Equal(first.Reference, samePerson.Reference);
        Assert.Null(again.Notice);
        Assert.Equal("আপনার অনুরোধ আমরা আগেই পেয়েছি। আবার পাঠানোর দরকার নেই। আপনার রেফারেন্স নম্বর আগের মতোই আছে।", samePerson.Notice);
        Assert.Equal(1, await _store.CountAsync());
    }

    [Fact]
    public async Task A_form_without_a_usable_key_gets_a_new_one()
    {
        var form = Form();
        form.IdempotencyKey = "not-a-key";
        var outcome = await _handler.SubmitAsync(form, null);
        Assert.True(References.IsIdempotencyKey(form.IdempotencyKey));
        Assert.Equal(References.Derive(form.IdempotencyKey!), outcome.Reference);
        Assert.Equal(FormLanguage.English, outcome.Language);
    }
}
