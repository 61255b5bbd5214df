using System.Globalization;

namespace BoneTumorInfo.Content.Languages;

/// <summary>One language the site is written in.</summary>
/// <param name="Code">The content folder and URL prefix: <c>en</c>, <c>bn</c>.</param>
/// <param name="Culture">How dates, numbers and interface words are shown: en-GB, bn-BD.</param>
public sealed record SiteLanguage(string Code, CultureInfo Culture)
{
    /// <summary>The language's name in its own words, for the language switch: "English", "বাংলা".</summary>
    public string NativeName => (Culture.IsNeutralCulture ? Culture : Culture.Parent).NativeName;
}

/// <summary>
/// The one place that knows which languages the site has. Everything else asks it: the page
/// index (which folders to read), URLs (which prefix), request localization (which culture), the
/// language switch (which name). Adding a language is one entry in <c>Content:Languages</c>
/// plus its <c>content/&lt;code&gt;/</c> folder.
/// </summary>
public sealed class SiteLanguages
{
    /// <summary>Used when configuration names none: English at the root, Bengali under /bn/.</summary>
    public static readonly IReadOnlyList<string> DefaultCultures = ["en-GB", "bn-BD"];

    private readonly Dictionary<string, SiteLanguage> _byCode;

    /// <param name="cultureNames">Culture names in the order a language switch shows them ("en-GB",
    /// "bn-BD", or a bare "bn"); the folder and URL code is each culture's two-letter language.</param>
    /// <param name="defaultCode">The language served at the site root; the first listed when empty.</param>
    public SiteLanguages(IEnumerable<string> cultureNames, string? defaultCode = null)
    {
        ArgumentNullException.ThrowIfNull(cultureNames);
        All = cultureNames
            .Select(name => CultureInfo.GetCultureInfo(name.Trim()))
            .Select(culture => new SiteLanguage(culture.TwoLetterISOLanguageName, culture))
            .DistinctBy(language => language.Code)
            .ToList();
        if (All.Count == 0) throw new ArgumentException("The site needs at least one language.", nameof(cultureNames));
        _byCode = All.ToDictionary(language => language.Code, StringComparer.Ordinal);
        Default = string.IsNullOrWhiteSpace(defaultCode)
            ? All[0]
            : Find(defaultCode) ?? throw new ArgumentException(
                $"The default language '{defaultCode}' is not one of the site's languages ({string.Join(", ", Codes)}).", nameof(defaultCode));
    }

    /// <summary>The languages of <see cref="ContentOptions"/> (its defaults when it names none).</summary>
    public static SiteLanguages From(ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SiteLanguages(options.Languages.Count > 0 ? options.Languages : DefaultCultures, options.DefaultLanguage);
    }

    public IReadOnlyList<SiteLanguage> All { get; }

    public IEnumerable<string> Codes => All.Select(language => language.Code);

    /// <summary>The language served at the site root.</summary>
    public SiteLanguage Default { get; }

    public SiteLanguage? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var language) ? language : null;

    /// <summary>The language a code names, or the default one for an unknown code.</summary>
    public SiteLanguage Get(string? code) => Find(code) ?? Default;

    public bool Contains(string? code) => Find(code) is not null;

    /// <summary>
    /// The language a request path is in: <c>/bn/…</c> is Bengali, anything else the default
    /// language. Only the first segment is looked at; nothing is built from the path.
    /// </summary>
    public SiteLanguage OfPath(string? path)
    {
        var trimmed = (path ?? "").TrimStart('/');
        var cut = trimmed.IndexOf('/', StringComparison.Ordinal);
        var first = cut < 0 ? trimmed : trimmed[..cut];
        return Find(first) is { } language && language != Default ? language : Default;
    }

    /// <summary>The address prefix of a language: "" for the default one, "/bn" for Bengali.</summary>
    public string PrefixOf(string code) => code == Default.Code ? "" : "/" + code;

    /// <summary>A site address in a language: <c>UrlOf("bn", "contact")</c> is <c>/bn/contact</c>.</summary>
    public string UrlOf(string code, string slug)
    {
        var prefix = PrefixOf(code);
        return slug.Length == 0 ? (prefix.Length == 0 ? "/" : prefix) : $"{prefix}/{slug.TrimStart('/')}";
    }
}
