using System.Net;
using System.Text.RegularExpressions;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Appointments;

/// <summary>The appointment form from a person's side: what it asks, what it says when something is wrong, what it stores.</summary>
public sealed partial class AppointmentFormTests(AppointmentFormTests.Site site) : IClassFixture<AppointmentFormTests.Site>
{
    public sealed class Site() : AppointmentSite(
        Path.Combine(Path.GetTempPath(), "bti-appt-" + Guid.NewGuid().ToString("N")),
        // These tests read the request back from the queue; the staff area's intake would take it first.
        settings: new Dictionary<string, string> { ["Staff:ConsumeQueue"] = "false" });

    [Fact]
    public async Task Every_page_header_links_to_the_form()
    {
        var (_, home) = await site.CreateClient().GetPage("/");
        Assert.Equal("/appointments/request", home.QuerySelector(".site-header__cta")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_form_follows_the_design_system_patterns()
    {
        var (response, page) = await site.CreateClient().GetPage("/appointments/request");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("main form[method=post]")!;
        Assert.True(form.HasAttribute("novalidate"));
        Assert.StartsWith("Request an appointment", page.Title, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".error-summary"));

        Assert.Equal("name", page.GetElementById("patient-name")!.GetAttribute("autocomplete"));
        Assert.Equal("bday-day", page.GetElementById("dob-day")!.GetAttribute("autocomplete"));
        Assert.Equal("bday-month", page.GetElementById("dob-month")!.GetAttribute("autocomplete"));
        Assert.Equal("bday-year", page.GetElementById("dob-year")!.GetAttribute("autocomplete"));
        Assert.Equal("tel", page.GetElementById("phone")!.GetAttribute("autocomplete"));
        Assert.Equal("email", page.GetElementById("email")!.GetAttribute("autocomplete"));
        Assert.Equal("fieldset", page.GetElementById("dob-day")!.Closest("fieldset")!.LocalName);

        // Optional fields say so; nothing is marked with an asterisk.
        Assert.EndsWith("(optional)", page.QuerySelector("label[for=email]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("(optional)", page.QuerySelector("label[for=reason]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("*", form.TextContent, StringComparison.Ordinal);

        var consent = page.GetElementById("consent")!;
        Assert.Equal("checkbox", consent.GetAttribute("type"));
        Assert.False(consent.HasAttribute("checked"));
        Assert.NotNull(form.QuerySelector("a[href='/appointments/privacy']"));
        Assert.Contains("999", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("medical records", page.GetElementById("reason-hint")!.TextContent, StringComparison.Ordinal);

        // The site works without JavaScript and under a strict CSP: no script, no inline style.
        Assert.Empty(page.QuerySelectorAll("main script, main [style]"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Matches("^[0-9a-f]{32}$", form.QuerySelector("input[name=IdempotencyKey]")!.GetAttribute("value")!);
    }

    [Fact]
    public async Task The_privacy_notice_the_form_links_to_exists()
    {
        var (response, page) = await site.CreateClient().GetPage("/appointments/privacy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("withdraw", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("30 days", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_request_is_stored_and_the_person_gets_a_reference_to_read_over_the_phone()
    {
        var client = site.CreateFormClient();
        var before = await site.Store.CountAsync();
        var answers = AppointmentForm.ValidAnswers();
        var response = await AppointmentForm.Submit(client, answers);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/appointments/request/confirmation?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (confirmation, page) = await client.GetPage(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        var reference = page.QuerySelector(".confirmation-panel .confirmation-panel__reference")!.TextContent.Trim();
        Assert.Matches("^BT-[346789ABCDEFGHJKMNPQRTWXY]{4}-[346789ABCDEFGHJKMNPQRTWXY]{4}$", reference);
        Assert.Contains("2 working days", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(before + 1, await site.Store.CountAsync());
        Assert.Contains(reference, await site.Store.AllReferencesAsync());
        var stored = (await site.Store.ReadUnreceivedAsync(10_000)).Single(r => r.Reference == reference);
        var request = BoneTumorInfo.Appointments.AppointmentJson.Deserialize(stored.Payload);
        Assert.Equal(new DateOnly(2015, 1, 14), request.DateOfBirth);
        Assert.Equal("+8801712345678", request.Phone);
        Assert.Equal(answers["PatientName"], request.PatientName);
        Assert.StartsWith("Nusrat Jahan Chowdhury", request.PatientName, StringComparison.Ordinal);

        // The log names the request by its reference only.
        Assert.True(site.Logs.Lines.Any(l => l.Contains(reference, StringComparison.Ordinal)), string.Join("\n", site.Logs.Lines));
        foreach (var secret in new[] { "Nusrat", "345678", "2015-01-14", "swelling" })
        {
            Assert.DoesNotContain(site.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Sending_the_same_form_again_gives_the_same_reference_and_stores_one_request()
    {
        var client = site.CreateFormClient();
        var hidden = await AppointmentForm.FetchHiddenFields(client);
        var answers = AppointmentForm.ValidAnswers();
        var before = await site.Store.CountAsync();

        // A double click: two posts of one form at the same moment, then a later resubmission.
        var first = await Task.WhenAll(
            AppointmentForm.Post(client, hidden.Concat(answers)),
            AppointmentForm.Post(client, hidden.Concat(answers)));
        var again = await AppointmentForm.Post(client, hidden.Concat(answers));

        var references = new[]
        {
            await AppointmentForm.ReferenceFrom(client, first[0]),
            await AppointmentForm.ReferenceFrom(client, first[1]),
            await AppointmentForm.ReferenceFrom(client, again),
        };
        Assert.Single(references.Distinct());
        Assert.Equal(before + 1, await site.Store.CountAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_gets_the_usual_confirmation_but_nothing_is_stored()
    {
        var client = site.CreateFormClient();
        var before = await site.Store.CountAsync();
        var answers = AppointmentForm.ValidAnswers();
        answers["Website"] = "http://spam.example";
        var response = await AppointmentForm.Submit(client, answers);
        var reference = await AppointmentForm.ReferenceFrom(client, response);
        Assert.Matches("^BT-", reference);
        Assert.Equal(before, await site.Store.CountAsync());
        Assert.DoesNotContain(reference, await site.Store.AllReferencesAsync());
    }

    [Fact]
    public async Task A_missing_antiforgery_token_is_refused_and_nothing_is_stored()
    {
        var client = site.CreateFormClient();
        var before = await site.Store.CountAsync();
        var hidden = await AppointmentForm.FetchHiddenFields(client);
        hidden.Remove("__RequestVerificationToken");
        var response = await AppointmentForm.Post(client, hidden.Concat(AppointmentForm.ValidAnswers()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await site.Store.CountAsync());
    }

    [Fact]
    public async Task A_made_up_confirmation_address_shows_no_reference()
    {
        var (response, _) = await site.CreateClient().GetPage("/appointments/request/confirmation?r=BT-AAAA-AAAA");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string, string, string, string> BadInputs() => new()
    {
        // field changed, value, error target (summary link), message
        { "SubmittedBy", "", "submitted-by", "Select who is filling in this form" },
        { "PatientName", "  ", "patient-name", "Enter the patient's full name" },
        { "PatientName", new string('a', 301), "patient-name", "Full name must be 300 characters or fewer" },
        { "DobDay", "", "dob-day", "Date of birth must include a day" },
        { "DobMonth", "", "dob-month", "Date of birth must include a month" },
        { "DobDay", "31", "dob-day", "Date of birth must be a real date" },          // with month "feb": 31 February
        { "DobMonth", "feb", "dob-day", "Date of birth must be a real date" },       // with day 30: 30 February
        { "DobDay", "0", "dob-day", "Date of birth must be a real date" },
        { "DobYear", "2999", "dob-day", "Date of birth must be in the past" },
        { "DobYear", "15", "dob-year", "Year must include 4 numbers" },
        { "DobMonth", "Smarch", "dob-month", "Date of birth must be a real date" },
        { "Phone", "", "phone", "Enter a phone number" },
        { "Phone", "12345", "phone", "Enter a phone number in the correct format, like 01712 345678 or +880 1712 345678" },
        { "Phone", "call me", "phone", "Enter a phone number in the correct format, like 01712 345678 or +880 1712 345678" },
        { "Email", "nusrat.example.com", "email", "Enter an email address in the correct format, like name@example.com" },
        { "Service", "", "service", "Select which service the appointment is for" },
        { "CallLanguage", "klingon", "call-language", "Select the language you would like us to call you in" },
        { "Reason", new string('x', 1001), "reason", "Reason must be 1,000 characters or fewer" },
        { "Consent", "", "consent", "Tick the box to agree to us using these details to contact you" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Each_problem_gets_its_own_message_keeps_the_answers_and_stores_nothing(string field, string value, string target, string message)
    {
        var answers = AppointmentForm.ValidAnswers();
        answers[field] = value;
        // Rows that need a whole impossible date rather than one changed part.
        if (field == "DobDay" && value == "31") answers["DobMonth"] = "feb";
        if (field == "DobMonth" && value == "feb") answers["DobDay"] = "30";
        var client = site.CreateFormClient();
        var before = await site.Store.CountAsync();

        var response = await AppointmentForm.Submit(client, answers);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppointmentForm.Read(response);

        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        var summary = page.QuerySelector("main .error-summary")!;
        Assert.Equal("There is a problem", summary.QuerySelector("h2")!.TextContent.Trim());
        var link = Assert.Single(summary.QuerySelectorAll("a"));
        Assert.Equal("#" + target, link.GetAttribute("href"));
        Assert.Equal(message, link.TextContent.Trim());
        Assert.NotNull(page.GetElementById(target));

        // The field's own message sits in its group, and the field points to it.
        var group = page.GetElementById(target)!.Closest(".form-group")!;
        Assert.Contains("form-group--error", group.ClassList);
        var inline = group.QuerySelector(".error-message")!;
        Assert.Equal("Error: " + message, inline.TextContent.Trim());

        // Everything typed is still there.
        Assert.Equal(answers["PatientName"].Trim(), (page.GetElementById("patient-name")!.GetAttribute("value") ?? "").Trim());
        Assert.Equal(answers["DobMonth"], page.GetElementById("dob-month")!.GetAttribute("value") ?? "");
        Assert.Equal(answers["Phone"], page.GetElementById("phone")!.GetAttribute("value") ?? "");
        Assert.Equal(answers["Reason"].Trim(), page.GetElementById("reason")!.TextContent.Trim());
        Assert.Equal(answers["Consent"] == "yes", page.GetElementById("consent")!.HasAttribute("checked"));

        Assert.Equal(before, await site.Store.CountAsync());
    }

    [Fact]
    public async Task An_empty_form_lists_every_required_field_in_order()
    {
        var client = site.CreateFormClient();
        var response = await AppointmentForm.Submit(client, []);
        var page = await AppointmentForm.Read(response);
        var targets = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Equal<string>(["#submitted-by", "#patient-name", "#dob-day", "#phone", "#service", "#call-language", "#consent"], targets);
        Assert.Contains("Enter the patient's date of birth", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_checks_answer()
    {
        var client = site.CreateClient();
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Matches(WorksRegex(), await ready.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("\"appointment-store\":\\{\"status\":\"Healthy\"")]
    private static partial Regex WorksRegex();
}
