namespace BoneTumorInfo.Content;

/// <summary>Where the content lives and which languages it is written in.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>
    /// The folder that holds <c>en/</c>, <c>bn/</c>, … . Empty means "find a folder named
    /// <c>content</c> above the app", which works for <c>dotnet run</c> at the repo root and
    /// for a published folder (the publish step copies <c>content/</c> beside the app).
    /// </summary>
    public string RootPath { get; set; } = "";

    /// <summary>The language served at the site root (its code, "en"); every other one lives under
    /// /&lt;lang&gt;/. Empty means the first of <see cref="Languages"/>.</summary>
    public string DefaultLanguage { get; set; } = "";

    /// <summary>
    /// The site's languages as culture names ("en-GB", "bn-BD"), in the order a language switch
    /// shows them; empty means <see cref="Languages.SiteLanguages.DefaultCultures"/>. Read it
    /// through <see cref="Languages.SiteLanguages.From"/>. No default items here: the
    /// configuration binder adds to a list it finds filled, so <c>Content:Languages</c> would
    /// append to the defaults instead of replacing them.
    /// </summary>
    public IList<string> Languages { get; set; } = [];

    /// <summary>Show draft pages (with a banner). On in Development, off in Production.</summary>
    public bool Preview { get; set; }
}
