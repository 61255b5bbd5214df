namespace BoneTumorInfo.Content.Service;

/// <summary>
/// Words from service.yml in each of the site's languages. An editor writes one line when the
/// wording is the same in every language, or one line per language when it differs.
/// </summary>
public sealed class LocalizedText
{
    private readonly Dictionary<string, string> _byLanguage;

    public LocalizedText(IReadOnlyDictionary<string, string> byLanguage)
    {
        ArgumentNullException.ThrowIfNull(byLanguage);
        if (byLanguage.Count == 0) throw new ArgumentException("At least one language's wording is needed.", nameof(byLanguage));
        _byLanguage = new Dictionary<string, string>(byLanguage, StringComparer.Ordinal);
    }

    /// <summary>The same words in every language.</summary>
    public static LocalizedText Same(string text) => new(new Dictionary<string, string> { [""] = text });

    /// <summary>The wording for a language; English (or the one wording there is) when the file has none for it.</summary>
    public string In(string language) =>
        _byLanguage.TryGetValue(language, out var text) ? text
        : _byLanguage.TryGetValue("", out var same) ? same
        : _byLanguage.TryGetValue("en", out var english) ? english
        : _byLanguage.Values.First();

    public override string ToString() => In("en");
}
