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

    /// <summary>The language served at the site root; every other one lives under /&lt;lang&gt;/.</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Languages the site serves, in the order a language switcher shows them.</summary>
    public IList<string> Languages { get; } = ["en", "bn"];

    /// <summary>Show draft pages (with a banner). On in Development, off in Production.</summary>
    public bool Preview { get; set; }
}
