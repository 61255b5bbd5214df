using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace BoneTumorInfo.Content.Languages;

/// <summary>
/// The few words the content engine writes into pages itself (the glossary popover's link, the
/// map link, opening hours), in each language. The wording is in <c>LanguageText.resx</c>
/// (English) and <c>LanguageText.&lt;code&gt;.resx</c> beside it: a new language gets a file of
/// its own, and until it has one its pages use the English words. Day names and digits come
/// from the language's culture.
/// </summary>
public sealed class LanguageText
{
    private static readonly ResourceManager Resources = new("BoneTumorInfo.Content.Languages.LanguageText", typeof(LanguageText).Assembly);
    private static readonly ConcurrentDictionary<string, LanguageText> ByCode = new(StringComparer.Ordinal);

    private readonly CultureInfo _culture;
    private readonly (int FromHour, string Word)[] _dayParts;

    private LanguageText(string code)
    {
        Code = code;
        // A language without wording of its own is written wholly in English, day names and
        // digits too, rather than English words around its own day names.
        var culture = CultureOf(code);
        _culture = HasOwnWording(culture) ? culture : CultureInfo.InvariantCulture;
        GlossaryMoreWords = Get(nameof(GlossaryMoreWords));
        MapLink = Get(nameof(MapLink));
        _dayParts = ParseDayParts(Get("DayParts"));
    }

    /// <summary>The wording for a language code ("en", "bn"); English for a language without its own.</summary>
    public static LanguageText For(string language) => ByCode.GetOrAdd(language ?? "", code => new LanguageText(code));

    public string Code { get; }

    /// <summary>The link at the foot of each glossary popover.</summary>
    public string GlossaryMoreWords { get; }

    /// <summary>The words of the map link.</summary>
    public string MapLink { get; }

    /// <summary>"24 hours a day, every day".</summary>
    public string HoursAllDay => Get(nameof(HoursAllDay));

    /// <summary>"every day".</summary>
    public string HoursEveryDay => Get(nameof(HoursEveryDay));

    /// <summary>"Saturday to Thursday".</summary>
    public string DayRange(DayOfWeek from, DayOfWeek to) => Format("HoursDayRange", DayName(from), DayName(to));

    /// <summary>"Saturday to Thursday, 9am to 5pm".</summary>
    public string Period(string days, int opensMinute, int closesMinute) => Format("HoursPeriod", days, Time(opensMinute), Time(closesMinute));

    /// <summary>The day's name in this language (from its culture).</summary>
    public string DayName(DayOfWeek day) => _culture.DateTimeFormat.GetDayName(day);

    /// <summary>
    /// A time of day said the way readers of this language say it ("9am", "সকাল ৯টা"), from the
    /// minutes since midnight; in the language's own digits.
    /// </summary>
    public string Time(int minutes)
    {
        if (minutes is 0 or 1440) return Get("TimeMidnight");
        if (minutes == 720) return Get("TimeNoon");
        var hour24 = minutes / 60;
        var part = _dayParts.LastOrDefault(p => p.FromHour <= hour24).Word ?? "";
        var hour = hour24 % 12;
        if (hour == 0) hour = 12;
        var text = minutes % 60 == 0 ? Format("TimeOnHour", part, hour) : Format("TimeWithMinutes", part, hour, minutes % 60);
        return LocalDigits.In(_culture.Name, text);
    }

    private string Get(string key) => Resources.GetString(key, _culture) ?? throw new MissingManifestResourceException($"LanguageText has no '{key}'.");

    private string Format(string key, params object[] values) => string.Format(CultureInfo.InvariantCulture, Get(key), values);

    private static CultureInfo CultureOf(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    private static bool HasOwnWording(CultureInfo culture)
    {
        for (var c = culture; !Equals(c, CultureInfo.InvariantCulture); c = c.Parent)
        {
            if (c.TwoLetterISOLanguageName == "en" || Resources.GetResourceSet(c, createIfNotExists: true, tryParents: false) is not null) return true;
        }

        return false;
    }

    /// <summary>"0 am; 12 pm": the hour each part of the day starts at, and its word.</summary>
    private static (int FromHour, string Word)[] ParseDayParts(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(pair => (int.Parse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture), pair.Length > 1 ? pair[1] : ""))
            .OrderBy(part => part.Item1)
            .ToArray();
}
