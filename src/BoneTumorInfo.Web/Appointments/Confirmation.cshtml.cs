using System.Security.Cryptography;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Content;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using BoneTumorInfo.Web.Site;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace BoneTumorInfo.Web.Appointments;

/// <summary>
/// "Request sent", with the reference. The reference arrives in the address protected by the
/// shared key ring, so the page can be refreshed or reached on any instance, but nobody can make
/// the site show a reference it did not give out.
/// </summary>
[OutputCache(NoStore = true)]
[IsolateFromOtherSites]
public sealed class ConfirmationModel(ContentStore store, IDataProtectionProvider protection, IStringLocalizer<SiteText> text) : SitePageModel
{
    public const string Title = "Request sent";

    /// <summary>The same person asked again within a day: they are told we already have it.</summary>
    public bool AlreadyHadRequest { get; private set; }

    /// <summary>The appointments page in the reader's language.</summary>
    public string AppointmentsUrl { get; private set; } = "/";

    private const string Purpose = "BoneTumorInfo.Appointments.Confirmation.v1";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public string Reference { get; private set; } = "";

    public IActionResult OnGet(string? r, string? again)
    {
        if (Unprotect(protection, r) is not { } reference) return NotFound();
        Reference = reference;
        AlreadyHadRequest = again == "1";
        var index = store.Index;
        var language = index.SiteLanguages.OfPath(Request.Path.Value).Code;
        AppointmentsUrl = (index.Find(language, "appointments") ?? index.Find(index.DefaultLanguage, "appointments"))?.Url ?? "/";
        Chrome = SiteChrome.ForLanguage(store, language, text[Title]);
        return Page();
    }

    internal static string Protect(IDataProtectionProvider protection, string reference) =>
        protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Protect(reference, Lifetime);

    private static string? Unprotect(IDataProtectionProvider protection, string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var reference = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(token);
            return References.IsReference(reference) ? reference : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
