using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Appointments;

/// <summary>A person who reads only Bengali goes from a Bengali page to a reference number in Bengali.</summary>
public sealed partial class BengaliFormTests(BengaliFormTests.Site site) : IClassFixture<BengaliFormTests.Site>
{
    /// <summary>A throw-away store of its own (a class fixture needs a single constructor).</summary>
    public sealed class Site() : AppointmentSite(
        Path.Combine(Path.GetTempPath(), "bti-appt-" + Guid.NewGuid().ToString("N")),
        // These tests read the request back from the queue; the staff area's intake would take it first.
        settings: new Dictionary<string, string> { ["Staff:ConsumeQueue"] = "false" });

    private const string FormPath = "/bn/appointments/request";

    /// <summary>Latin words of three letters or more: what a Bengali reader would meet as English.</summary>
    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex LatinWord();

    private static string VisibleText(IDocument page)
    {
        // Left out: what no one reads, and the link to the English version, which names itself in English (lang="en").
        foreach (var hidden in page.QuerySelectorAll("script, style, .visually-hidden, .honeypot, svg title, .print-only, [lang=en]").ToList()) hidden.Remove();
        return page.Body!.TextContent;
    }

    /// <summary>The Bengali answers a person types: Bengali digits, a Bengali month name.</summary>
    private static Dictionary<string, string> BengaliAnswers(string name) => new()
    {
        ["SubmittedBy"] = "parent-or-carer",
        ["PatientName"] = name,
        ["DobDay"] = "১৪",
        ["DobMonth"] = "জানুয়ারি",
        ["DobYear"] = "২০১৫",
        ["Phone"] = "০১৭১২-৩৪৫৬৭৮",
        ["Email"] = "",
        ["Service"] = "childrens-tumour-surgery",
        ["CallLanguage"] = "bengali",
        ["Reason"] = "দুই মাস ধরে হাঁটুর ওপরে ব্যথা আর ফোলা।",
        ["Consent"] = "yes",
    };

    private static async Task<Dictionary<string, string>> HiddenFields(HttpClient client)
    {
        var (_, page) = await client.GetPage(FormPath);
        return page.QuerySelectorAll("form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(FormPath, UriKind.Relative), content);
    }

    [Fact]
    public async Task The_Bengali_form_is_in_Bengali_from_title_to_button()
    {
        var (response, page) = await site.CreateClient().GetPage(FormPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bn", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("অ্যাপয়েন্টমেন্টের অনুরোধ করুন", page.QuerySelector("h1")?.TextContent);
        Assert.StartsWith("অ্যাপয়েন্টমেন্টের অনুরোধ করুন", page.Title, StringComparison.Ordinal);
        Assert.Equal("রোগীর পুরো নাম", page.QuerySelector("label[for=patient-name]")?.TextContent.Trim());
        Assert.Equal("অনুরোধ পাঠান", page.QuerySelector("main form button[type=submit]")?.TextContent.Trim());
        // The e-mail example (name@example.com) is an address, not English to read.
        Assert.Equal([], LatinWord().Matches(VisibleText(page)).Select(m => m.Value).Where(w => w is not "name" and not "example").ToList());
    }

    [Fact]
    public async Task Each_form_links_to_the_other_language_form()
    {
        var client = site.CreateClient();
        var (_, bengali) = await client.GetPage(FormPath);
        var (_, english) = await client.GetPage("/appointments/request");

        Assert.Equal("/appointments/request", bengali.QuerySelector("a[hreflang=en]")?.GetAttribute("href"));
        Assert.Equal(FormPath, english.QuerySelector("a[hreflang=bn]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_Bengali_header_button_and_page_links_lead_to_the_Bengali_form()
    {
        var (_, page) = await site.CreateClient().GetPage("/bn/conditions/benign-bone-tumours");

        var button = page.QuerySelector(".site-header__cta");
        Assert.Equal(FormPath, button?.GetAttribute("href"));
        Assert.Equal("অ্যাপয়েন্টমেন্টের অনুরোধ করুন", button?.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == FormPath);
    }

    [Fact]
    public async Task An_empty_Bengali_form_comes_back_with_a_Bengali_error_summary()
    {
        var client = site.CreateFormClient();
        var response = await Post(client, await HiddenFields(client));
        var page = await AppointmentForm.Read(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("ত্রুটি: ", page.Title, StringComparison.Ordinal);
        Assert.Equal("কিছু তথ্য ঠিক করতে হবে", page.QuerySelector(".error-summary__title")?.TextContent);
        var messages = page.QuerySelectorAll(".error-summary__list a").Select(a => a.TextContent).ToList();
        Assert.Contains("রোগীর পুরো নাম লিখুন", messages);
        Assert.Contains("ফোন নম্বর লিখুন", messages);
        Assert.Equal("ত্রুটি:", page.QuerySelector(".error-message .visually-hidden")?.TextContent);
        Assert.Equal([], messages.SelectMany(m => LatinWord().Matches(m)).Select(m => m.Value).ToList());
    }

    [Fact]
    public async Task A_Bengali_request_with_Bengali_digits_and_month_reaches_a_Bengali_confirmation_and_is_stored_as_Bengali()
    {
        var client = site.CreateFormClient();
        var name = "নুসরাত জাহান " + Guid.NewGuid().ToString("N")[..6];
        var redirect = await Post(client, (await HiddenFields(client)).Concat(BengaliAnswers(name)));

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!.OriginalString;
        Assert.StartsWith("/bn/appointments/request/confirmation?", location, StringComparison.Ordinal);
        var (response, page) = await client.GetPage(location);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bn", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("অনুরোধ পাঠানো হয়েছে", page.QuerySelector("h1")?.TextContent);
        var reference = page.QuerySelector(".confirmation-panel__reference")!.TextContent.Trim();
        // The only Latin letters a Bengali reader meets are the reference's own.
        Assert.Matches("^BT-[A-Z0-9]{4}-[A-Z0-9]{4}$", reference);
        Assert.Equal([], LatinWord().Matches(VisibleText(page).Replace(reference, "", StringComparison.Ordinal)).Select(m => m.Value).ToList());

        var stored = AppointmentJson.Deserialize((await site.Store.ReadUnreceivedAsync(1000)).Single(r => r.Reference == reference).Payload);
        Assert.Equal(FormLanguage.FromCode("bn"), stored.FormLanguage);
        Assert.Equal(new DateOnly(2015, 1, 14), stored.DateOfBirth);
    }

    [Fact]
    public async Task The_confirmation_names_the_number_to_ring_if_nobody_calls()
    {
        var client = site.CreateFormClient();
        var redirect = await Post(client, (await HiddenFields(client)).Concat(BengaliAnswers("রহিম উদ্দিন " + Guid.NewGuid().ToString("N")[..6])));
        var (_, page) = await client.GetPage(redirect.Headers.Location!.OriginalString);

        var phones = page.QuerySelectorAll("main a.phone-number").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("tel:+880255667788", phones);
        Assert.Contains("২ কর্মদিবসের মধ্যে", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
