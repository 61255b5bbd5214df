namespace BoneTumorInfo.Web.Tests.Infrastructure;

/// <summary>The repo's own content folder, found the same way the app finds it.</summary>
public static class RepoContent
{
    public static string Root { get; } = BoneTumorInfo.Content.ContentRootLocator.Resolve(null, AppContext.BaseDirectory);
}
