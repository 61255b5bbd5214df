using BoneTumorInfo.Content.Languages;

namespace BoneTumorInfo.Content.Service;

/// <summary>One of the service's phone lines: what it is for, when it is answered, and how to show and dial it.</summary>
/// <param name="Key">The line's name in service.yml and in placeholders: appointments, ward or emergency.</param>
/// <param name="National">The number as people in Bangladesh write it (libphonenumber's national format, 02-55667788).</param>
/// <param name="Dial">What a phone dials: E.164 (+880255667788) for an ordinary number, the short number itself (999) for emergencies.</param>
/// <param name="Purpose">What the line is for, in each language.</param>
/// <param name="Hours">When the line is answered.</param>
public sealed record ServicePhone(string Key, string National, string Dial, LocalizedText Purpose, OpeningHours Hours)
{
    /// <summary>The tap-to-call address: <c>tel:+880255667788</c>.</summary>
    public string Href => "tel:" + Dial;

    /// <summary>The number as a reader of <paramref name="language"/> reads it (Bengali digits on Bengali pages).</summary>
    public string Display(string language) => LocalDigits.In(language, National);
}
