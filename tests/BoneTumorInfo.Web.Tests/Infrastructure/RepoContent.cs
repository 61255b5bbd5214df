using System.Reflection;

namespace BoneTumorInfo.Web.Tests.Infrastructure;

/// <summary>The repo's own content folder (the build records where the repo is).</summary>
public static class RepoContent
{
    public static string RepoRoot { get; } = typeof(RepoContent).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Root { get; } = Path.Combine(RepoRoot, "content");
}
