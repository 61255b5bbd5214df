namespace BoneTumorInfo.Web.Site;

/// <summary>
/// The interface words of the site (header, footer, navigation labels, error pages). The
/// English text is the key; <c>SiteText.bn.resx</c> holds the Bengali.
/// Use through <c>IStringLocalizer&lt;SiteText&gt;</c>.
/// </summary>
public sealed class SiteText;
